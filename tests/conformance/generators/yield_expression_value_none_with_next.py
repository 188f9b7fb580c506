def gen():
    while True:
        received = yield
        print("received", received)

g = gen()
next(g)
next(g)
g.send("x")
