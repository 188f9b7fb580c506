def gen():
    print("body started")
    yield 1
    print("after first yield")

g = gen()
print("generator created")
print(next(g))
print("between")
print(next(g, "done"))
