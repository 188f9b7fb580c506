import inspect

def gen(limit):
    total = 0
    for i in range(limit):
        total += i
        yield total

g = gen(5)
print(inspect.getgeneratorlocals(g))
next(g)
print(inspect.getgeneratorlocals(g))
next(g)
next(g)
print(inspect.getgeneratorlocals(g))
g.close()
print(inspect.getgeneratorlocals(g))
