def gen():
    yield 1

g = gen()
next(g)
try:
    next(g)
except StopIteration:
    print("exhausted")
g.send(5)
