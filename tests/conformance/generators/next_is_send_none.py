def gen():
    while True:
        x = yield
        print("received", repr(x))

g = gen()
next(g)
next(g)
g.send(None)
g.send(0)
