# A set display of three or more constants is compiled to a frozenset constant, built from a
# set of the items, so its iteration order is not the order of inserting the items one by one.
print({5, 13, 21}, {5, 13, 21, 29, 37}, {13, 29, 45, 61})
x = 5
print({x, 13, 21}, {5, 13}, set([5, 13, 21]))
