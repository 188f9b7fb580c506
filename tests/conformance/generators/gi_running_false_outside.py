def gen():
    yield 1

g = gen()
print(g.gi_running)
next(g)
print(g.gi_running)
g.close()
print(g.gi_running)
