import inspect

def gen():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("cleanup failed")

g = gen()
next(g)
try:
    g.close()
except ValueError as e:
    print("ValueError:", e)
    print(type(e.__context__).__name__)
print(inspect.getgeneratorstate(g))
