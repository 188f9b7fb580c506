def gen():
    try:
        yield 1
    finally:
        return "swallowed"

g = gen()
next(g)
print(g.close())
