def gen():
    try:
        yield 1
    finally:
        print("cleanup starts")
        raise ValueError("cleanup failed at exit")

g = gen()
next(g)
print("end of program")
