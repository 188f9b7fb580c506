def gen():
    try:
        yield
    finally:
        {}["cleanup key"]

g = gen()
next(g)
g.close()
