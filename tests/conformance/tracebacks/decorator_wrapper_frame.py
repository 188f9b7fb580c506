from functools import wraps

def logged(func):
    @wraps(func)
    def wrapper(*args):
        print("calling", func.__name__)
        return func(*args)
    return wrapper

@logged
def divide(a, b):
    return a / b

print(divide(6, 3))
divide(1, 0)
