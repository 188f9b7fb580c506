# Set displays of constants are folded (negative numbers, tuples and big ints count as
# constants); starred sets are merged table to table.
print({-3, 5, -11, 13}, {(1, 2), (2, 1), (1, 2)}, {2**70, 2**70 + 8, 8, 0})
print({1, 1.0, True}, {0.5, 8.5, 16.5}, {0, -0.0, False})
s = {5, 13, 21, 29, 37}
print({*s}, {*frozenset(s)}, {*s, 1}, {1, *s})
print({*range(20, 0, -4)}, {*{8: 1, 0: 2, 16: 3}})
{*3}
