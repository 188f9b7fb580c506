def shout(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs).upper()
    return wrapper

def exclaim(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs) + "!"
    return wrapper

@shout
@exclaim
def greet(name):
    return f"hello {name}"

print(greet("ada"))
print(greet.__name__)

def repeat(times):
    def decorator(func):
        def wrapper(*args):
            return [func(*args) for _ in range(times)]
        return wrapper
    return decorator

@repeat(3)
def roll(x):
    return x

print(roll(6))
