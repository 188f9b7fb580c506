from functools import wraps

def coroutine(func):
    @wraps(func)
    def start(*args, **kwargs):
        cr = func(*args, **kwargs)
        next(cr)
        return cr
    return start

@coroutine
def echo(prefix):
    while True:
        value = yield
        print(prefix, value)

e = echo(">>")
e.send(1)
e.send("two")
print(echo.__name__)
