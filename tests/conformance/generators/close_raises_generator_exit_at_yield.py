def gen():
    try:
        yield 1
    except GeneratorExit as e:
        print("GeneratorExit at the yield:", repr(e))
        raise

g = gen()
next(g)
g.close()
