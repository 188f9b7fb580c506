def gen():
    try:
        yield 1
    finally:
        print("finally sees the throw")

g = gen()
next(g)
try:
    g.throw(IndexError("idx"))
except IndexError as e:
    print("IndexError:", e)
