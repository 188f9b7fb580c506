from functools import wraps

def counted(gen_func):
    calls = 0
    @wraps(gen_func)
    def wrapper(*args):
        nonlocal calls
        calls += 1
        print(f"call {calls} of {gen_func.__name__}")
        return gen_func(*args)
    return wrapper

@counted
def squares(n):
    for i in range(n):
        yield i * i

print(list(squares(3)))
g = squares(2)
print(g.__name__, g.__qualname__, squares.__name__)
