def ticker():
    yield 1

g = ticker()
print(repr(g))
print(str(g))
g
