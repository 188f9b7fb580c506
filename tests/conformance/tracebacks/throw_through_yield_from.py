def inner():
    yield "inner"

def middle():
    yield from inner()

def outer():
    yield from middle()

g = outer()
next(g)
g.throw(ValueError("deep"))
