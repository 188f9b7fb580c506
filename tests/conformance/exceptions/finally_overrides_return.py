def f():
    try:
        return "from try"
    finally:
        return "from finally"

def g():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallowed the exception"

def h():
    for i in range(3):
        try:
            return i
        finally:
            if i < 2:
                continue
    return "loop ended"

print(f())
print(g())
print(h())
