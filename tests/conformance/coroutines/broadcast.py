def coroutine(func):
    def start(*args, **kwargs):
        cr = func(*args, **kwargs)
        next(cr)
        return cr
    return start

@coroutine
def broadcast(targets):
    while True:
        item = yield
        for target in targets:
            target.send(item)

@coroutine
def labelled(label):
    while True:
        item = yield
        print(f"{label}: {item}")

b = broadcast([labelled("first"), labelled("second"), labelled("third")])
b.send("hello")
b.send(42)
