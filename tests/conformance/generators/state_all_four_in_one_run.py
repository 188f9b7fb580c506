import inspect

def worker():
    print("  running:", inspect.getgeneratorstate(w))
    yield "first"
    yield "second"

w = worker()
print("1", inspect.getgeneratorstate(w))
print("2", next(w))
print("3", inspect.getgeneratorstate(w))
print("4", next(w))
for _ in w:
    pass
print("5", inspect.getgeneratorstate(w))
