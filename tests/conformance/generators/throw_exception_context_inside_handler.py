def gen():
    try:
        yield 1
    except ValueError:
        raise KeyError("while handling")

g = gen()
next(g)
g.throw(ValueError("original"))
