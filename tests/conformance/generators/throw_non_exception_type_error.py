def gen():
    yield 1

g = gen()
next(g)
for bad in [42, "text", int]:
    try:
        g.throw(bad)
    except TypeError as e:
        print("TypeError:", e)
