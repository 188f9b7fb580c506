import inspect

def gen():
    try:
        yield 1
    finally:
        print("finally")

g = gen()
next(g)
try:
    g.throw(GeneratorExit)
except GeneratorExit:
    print("GeneratorExit came back out")
print(inspect.getgeneratorstate(g))
