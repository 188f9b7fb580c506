def inner():
    yield 1
    yield 2
    return "inner done"

def outer():
    result = yield from inner()
    print("inner returned:", result)
    yield 3

print(list(outer()))
