import inspect

def stubborn():
    try:
        yield 1
    finally:
        yield 2

g = stubborn()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)
print(inspect.getgeneratorstate(g))
print(next(g, "exhausted"))
