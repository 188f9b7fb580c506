import inspect

def gen():
    print("inside:", inspect.getgeneratorstate(me))
    print("gi_running inside:", me.gi_running)
    yield 1

me = gen()
print("before:", inspect.getgeneratorstate(me))
next(me)
print("after:", inspect.getgeneratorstate(me))
print("gi_running outside:", me.gi_running)
