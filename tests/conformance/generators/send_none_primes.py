def gen():
    print("started")
    x = yield "ready"
    print("got", x)
    yield "bye"

g = gen()
print(g.send(None))
print(g.send(42))
