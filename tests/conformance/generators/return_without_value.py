def gen():
    yield 1
    return

g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print(repr(e), e.value, e.args)
