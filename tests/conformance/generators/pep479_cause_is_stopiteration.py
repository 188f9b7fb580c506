def gen():
    yield 1
    raise StopIteration(42)

g = gen()
next(g)
try:
    next(g)
except RuntimeError as e:
    print(type(e).__name__, e)
    print(repr(e.__cause__))
    print(e.__cause__ is e.__context__)
    print(e.__suppress_context__)
