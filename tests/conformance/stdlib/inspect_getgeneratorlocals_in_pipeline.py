import inspect

def stage(name):
    seen = []
    while True:
        item = yield
        seen.append(item)

s = stage("collector")
next(s)
s.send(1)
s.send("two")
print(inspect.getgeneratorstate(s))
print(inspect.getgeneratorlocals(s))
