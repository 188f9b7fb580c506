def gen():
    try:
        yield 1
    finally:
        print("finally once")

g = gen()
next(g)
g.close()
g.close()
print("done")
