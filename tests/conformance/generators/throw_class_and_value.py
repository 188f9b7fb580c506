def gen():
    while True:
        try:
            yield
        except (ValueError, KeyError) as e:
            print("caught", repr(e), e.args)

g = gen()
next(g)
g.throw(ValueError, "message")
g.throw(KeyError, "key")
g.throw(ValueError, ("a", 1))
g.throw(ValueError, ValueError("already an instance"))
