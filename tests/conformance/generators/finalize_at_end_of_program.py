def gen():
    try:
        yield 1
    finally:
        print("finally at exit")

g = gen()
next(g)
print("last line of the program")
