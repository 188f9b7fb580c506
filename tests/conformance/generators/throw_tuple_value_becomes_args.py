def gen():
    try:
        yield
    except ValueError as e:
        print(repr(e), e.args)
        yield

g = gen()
next(g)
g.throw(ValueError, (1, 2))
g2 = gen()
next(g2)
g2.throw(ValueError, ((1, 2),))
