def gen():
    yield 1

g = gen()
print(g.gi_frame is None)
next(g)
print(g.gi_frame is None)
g.close()
print(g.gi_frame is None)
print(g.gi_frame)
