def inner():
    yield 1
    raise ValueError("inner broke")

def outer():
    result = yield from inner()
    return result

g = outer()
next(g)
next(g)
