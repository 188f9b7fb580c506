# The in-place set operators change the left set's own table (|=, -=, ^=), so the order of
# iteration afterwards follows from that set's history, as in CPython.
s = set(range(8))
s.discard(3)
s.discard(5)
s |= {11, 19}
print(s)
t = set(range(16))
t.discard(4)
t -= {1, 2}
t.add(20)
print(t)
u = set([5, 13, 21, 29])
u.discard(13)
u ^= set([37, 45])
print(u)
v = set([5, 13, 21, 29, 37])
v &= set([29, 5])
print(v)
alias = s
s |= {27}
print(alias is s, alias)
