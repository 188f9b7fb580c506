def gen():
    yield 1
    raise StopIteration("escaped")

g = gen()
next(g)
next(g)
