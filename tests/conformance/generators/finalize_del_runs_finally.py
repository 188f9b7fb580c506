def gen():
    try:
        yield 1
    finally:
        print("finally on del")

g = gen()
next(g)
print("before del")
del g
print("after del")
