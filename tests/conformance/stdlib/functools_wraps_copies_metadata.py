from functools import wraps

def traced(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        """wrapper doc"""
        return func(*args, **kwargs)
    return wrapper

def untraced(func):
    def wrapper(*args, **kwargs):
        """wrapper doc"""
        return func(*args, **kwargs)
    return wrapper

@traced
def add(a, b):
    """Add two numbers."""
    return a + b

@untraced
def sub(a, b):
    """Subtract."""
    return a - b

print(add.__name__, add.__doc__, add.__qualname__, add.__wrapped__.__name__)
print(sub.__name__, sub.__doc__, sub.__qualname__, hasattr(sub, "__wrapped__"))
print(add(1, 2), sub(5, 3))
