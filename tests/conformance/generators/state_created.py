import inspect

def gen():
    yield 1

g = gen()
print(inspect.getgeneratorstate(g))
