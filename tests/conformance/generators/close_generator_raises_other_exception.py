def gen():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("cleanup failed")

g = gen()
next(g)
g.close()
