import inspect

def gen():
    yield 1
    raise ValueError("boom")

g = gen()
next(g)
try:
    next(g)
except ValueError as e:
    print("caught", e)
print(inspect.getgeneratorstate(g))
print(g.gi_frame)
