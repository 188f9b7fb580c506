def gen():
    while True:
        try:
            yield
        except ValueError as e:
            print("caught", repr(e))

g = gen()
next(g)
g.throw(ValueError, "with a None traceback", None)
try:
    raise ValueError("carries a traceback")
except ValueError as e:
    saved = e
g.throw(ValueError, saved, saved.__traceback__)
print("no DeprecationWarning in 3.11")
