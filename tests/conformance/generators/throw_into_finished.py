def gen():
    yield 1

g = gen()
list(g)
try:
    g.throw(ValueError("late"))
except ValueError as e:
    print("raised straight out:", e)
g.throw(TypeError)
