def inner():
    try:
        yield
    except GeneratorExit:
        print("inner saw GeneratorExit")
        raise

def outer():
    try:
        yield from inner()
    except GeneratorExit:
        print("outer saw GeneratorExit")
        raise

g = outer()
next(g)
g.close()
