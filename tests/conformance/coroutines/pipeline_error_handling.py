def coroutine(func):
    def start(*args, **kwargs):
        cr = func(*args, **kwargs)
        next(cr)
        return cr
    return start

@coroutine
def parse(target, errors):
    while True:
        text = yield
        try:
            target.send(int(text))
        except ValueError as e:
            errors.append(str(e))

@coroutine
def total():
    acc = 0
    while True:
        acc += yield
        print("total", acc)

errors = []
p = parse(total(), errors)
for text in ["1", "2", "x", "4"]:
    p.send(text)
print(errors)
