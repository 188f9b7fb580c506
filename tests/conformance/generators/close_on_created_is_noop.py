import inspect

def gen():
    print("body runs")
    try:
        yield 1
    finally:
        print("finally runs")

g = gen()
print(g.close())
print(inspect.getgeneratorstate(g))
print(next(g, "nothing left"))
