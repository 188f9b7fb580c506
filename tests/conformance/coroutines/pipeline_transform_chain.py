def coroutine(func):
    def start(*args, **kwargs):
        cr = func(*args, **kwargs)
        next(cr)
        return cr
    return start

@coroutine
def mapper(fn, target):
    while True:
        target.send(fn((yield)))

@coroutine
def filterer(pred, target):
    while True:
        item = yield
        if pred(item):
            target.send(item)

@coroutine
def collector(out):
    while True:
        out.append((yield))

results = []
pipe = mapper(lambda x: x * x, filterer(lambda x: x % 2 == 1, collector(results)))
for i in range(8):
    pipe.send(i)
print(results)
