def gen():
    yield 1

g = gen()
g.throw(KeyError("k"))
