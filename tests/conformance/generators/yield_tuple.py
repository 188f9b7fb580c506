def pairs():
    yield 1, 2
    yield (3, 4)
    x = yield
    print(x)

g = pairs()
print(next(g))
print(next(g))
print(next(g))
