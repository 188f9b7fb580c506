def inner():
    while True:
        try:
            yield "inner waiting"
        except ValueError as e:
            print("inner caught", e)

def outer():
    yield from inner()

g = outer()
print(next(g))
print(g.throw(ValueError("bad value")))
print(g.throw(ValueError, "again"))
