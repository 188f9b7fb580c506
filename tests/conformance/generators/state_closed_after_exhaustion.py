import inspect

def gen():
    yield 1

g = gen()
print(list(g))
print(inspect.getgeneratorstate(g))
