def numbers():
    yield 1

g = numbers()
print(g.__name__)
print(g.__qualname__)
