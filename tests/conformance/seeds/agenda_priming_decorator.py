from functools import wraps

def coroutine_decorator(func):
    @wraps(func)
    def primer(*args, **kwargs):
        gen = func(*args, **kwargs)
        next(gen) # Prime it
        return gen
    return primer

@coroutine_decorator
def decorated_coroutine():
    print("Coroutine started (already primed)")
    while True:
        x = yield
        print(f"Received: {x}")

# Usage - no explicit next() needed
coro = decorated_coroutine()
coro.send(1)
coro.close()
