import inspect

def gen():
    print("body never runs")
    try:
        yield 1
    except ValueError:
        print("not caught here either")

g = gen()
try:
    g.throw(ValueError("early"))
except ValueError as e:
    print("raised straight out:", e)
print(inspect.getgeneratorstate(g))
