def gen():
    try:
        yield 1
    except ValueError:
        yield 2
        raise KeyError("after yield in handler")

g = gen()
next(g)
g.throw(ValueError("thrown"))
next(g)
