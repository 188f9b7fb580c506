def gen():
    yield 1
    return [1, 2]

g = gen()
next(g)
next(g)
