def gen():
    try:
        yield 1
    finally:
        print("cleaning up")
        yield 2

g = gen()
next(g)
del g
print("after del")
