import inspect

def gen():
    print("never printed before priming")
    x = yield
    print("got", x)

g = gen()
try:
    g.send(1)
except TypeError as e:
    print(type(e).__name__, e)
print(inspect.getgeneratorstate(g))
g.send(None)
try:
    g.send(2)
except StopIteration:
    print("finished")
