def gen():
    yield 1
    x = 2
    yield x

g = gen()
print(g.gi_frame.f_lineno)
next(g)
print(g.gi_frame.f_lineno)
next(g)
print(g.gi_frame.f_lineno)
