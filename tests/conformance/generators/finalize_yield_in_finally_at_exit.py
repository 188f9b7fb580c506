def gen():
    try:
        yield 1
    finally:
        yield 2

g = gen()
next(g)
print("end of program")
