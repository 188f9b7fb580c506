import inspect

def outer():
    try:
        yield from iter([1, 2, 3])
    finally:
        print("outer finally")

g = outer()
next(g)
g.close()
print(inspect.getgeneratorstate(g))
