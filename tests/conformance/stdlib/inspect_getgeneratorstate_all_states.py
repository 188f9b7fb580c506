from inspect import getgeneratorstate

def gen():
    yield getgeneratorstate(g)

g = gen()
print(getgeneratorstate(g))
print(next(g))
print(getgeneratorstate(g))
g.close()
print(getgeneratorstate(g))
