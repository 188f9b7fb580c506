from functools import wraps

def coroutine(func):
    @wraps(func)
    def start(*args, **kwargs):
        cr = func(*args, **kwargs)
        next(cr)
        return cr
    return start

@coroutine
def accumulate():
    """Keeps a running total of what it is sent."""
    total = 0
    while True:
        total += yield total

print(accumulate.__name__)
print(accumulate.__doc__)
print(accumulate.__qualname__)
print(accumulate.__wrapped__.__name__)
a = accumulate()
print(a.send(5), a.send(10))
print(a.__name__)
