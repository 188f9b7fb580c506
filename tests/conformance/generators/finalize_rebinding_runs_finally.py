def gen(name):
    try:
        yield name
    finally:
        print("finalized", name)

g = gen("first")
next(g)
g = gen("second")
print("rebound, second not started")
next(g)
g = None
print("end")
