def gen():
    yield 1
    return "result"

g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print(repr(e))
    print(e.value)
    print(e.args)
