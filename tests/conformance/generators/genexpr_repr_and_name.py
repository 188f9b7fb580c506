g = (i for i in range(3))
print(g.__name__)
print(g.__qualname__)
print(repr(g))

def f():
    return (i for i in range(3))

print(f().__qualname__)
