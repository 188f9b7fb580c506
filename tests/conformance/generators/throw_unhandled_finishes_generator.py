import inspect

def gen():
    yield 1
    yield 2

g = gen()
next(g)
try:
    g.throw(RuntimeError("stop"))
except RuntimeError as e:
    print("propagated:", e)
print(inspect.getgeneratorstate(g))
print(next(g, "finished"))
