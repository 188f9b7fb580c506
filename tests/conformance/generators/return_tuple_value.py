def gen():
    yield
    return 1, 2

g = gen()
next(g)
try:
    g.send(None)
except StopIteration as e:
    print(e.value, e.args)
