import inspect

def gen():
    try:
        next(me)
    except ValueError as e:
        print("inside:", e)
        print("state:", inspect.getgeneratorstate(me))
    yield "still fine"

me = gen()
print(next(me))
