def gen():
    x = yield
    print(x)

g = gen()
g.send("hello")
