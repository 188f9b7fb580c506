def gen():
    try:
        yield
    except ValueError as e:
        print("caught", repr(e), e.args)
        yield "handled"

g = gen()
next(g)
print(g.throw(ValueError))
