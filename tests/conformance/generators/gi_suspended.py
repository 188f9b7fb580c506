def gen():
    yield 1

g = gen()
print("created:", g.gi_suspended)
next(g)
print("suspended:", g.gi_suspended)
try:
    next(g)
except StopIteration:
    pass
print("closed:", g.gi_suspended)
