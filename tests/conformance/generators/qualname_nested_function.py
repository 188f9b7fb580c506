def outer():
    def inner():
        yield 1
    return inner()

g = outer()
print(g.__name__)
print(g.__qualname__)
print(repr(g))
