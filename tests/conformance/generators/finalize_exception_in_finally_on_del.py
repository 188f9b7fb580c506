def gen():
    try:
        yield 1
    finally:
        raise ValueError("error during cleanup")

g = gen()
next(g)
del g
print("after del")
