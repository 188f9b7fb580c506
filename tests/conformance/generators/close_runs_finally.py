def gen():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")

g = gen()
next(g)
print("closing")
g.close()
print("closed")
