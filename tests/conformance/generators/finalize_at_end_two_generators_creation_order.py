def gen(name):
    try:
        yield name
    finally:
        print("finally", name)

a = gen("a")
b = gen("b")
next(b)
next(a)
print("end")
