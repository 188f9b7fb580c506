def gen():
    while True:
        try:
            yield
        except ValueError as e:
            print("caught", repr(e))

g = gen()
next(g)
g.throw(ValueError("an instance"))
