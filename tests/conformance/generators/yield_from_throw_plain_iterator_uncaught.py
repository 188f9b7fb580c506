def outer():
    yield from iter([1, 2])

g = outer()
next(g)
g.throw(KeyError("k"))
