import inspect

g = (x * 10 for x in range(5))
print(next(g))
print(g.send(None))
try:
    g.send(1)
except AttributeError as e:
    print("AttributeError:", e)
print(next(g))
g.close()
print(inspect.getgeneratorstate(g))
