def inner():
    while True:
        x = yield
        print("inner got", x)
        if x == "stop":
            return "inner stopped"

def outer():
    r = yield from inner()
    print("outer got", r)
    yield "outer done"

g = outer()
next(g)
g.send("a")
g.send("b")
print(g.send("stop"))
