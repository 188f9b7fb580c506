def gen():
    a = yield 1 + 2
    print("a =", a)
    b = (yield) or "default"
    print("b =", b)
    c = [(yield), (yield)]
    print("c =", c)

g = gen()
print(next(g))
print(g.send("sent"))
print(g.send(None))
print(g.send("x"))
try:
    g.send("y")
except StopIteration:
    print("stopped")
