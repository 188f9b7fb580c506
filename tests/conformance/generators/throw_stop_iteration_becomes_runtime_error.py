def gen():
    yield 1

g = gen()
next(g)
try:
    g.throw(StopIteration)
except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", repr(e.__cause__))
