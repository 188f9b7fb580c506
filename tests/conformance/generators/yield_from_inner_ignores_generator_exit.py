def inner():
    while True:
        try:
            yield
        except GeneratorExit:
            print("inner ignores GeneratorExit")

def outer():
    yield from inner()

g = outer()
next(g)
g.close()
