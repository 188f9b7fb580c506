def gen():
    yield "only"
    return "ignored"

g = gen()
print(next(g, "default"))
print(next(g, "default"))
print(next(g, "default"))
print(next(iter([]), None))
