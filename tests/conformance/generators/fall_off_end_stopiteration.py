def gen():
    yield 1

g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print(repr(e), e.value is None)
