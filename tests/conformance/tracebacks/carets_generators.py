# Frames of generators point at the instruction that raised, or at the `yield` they are
# suspended at when something is thrown in.
def counter():
    n = 0
    while True:
        received = yield n
        n = n + received

g = counter()
print(next(g))
print(next(g))
# %%
print(g.send("x"))
# %%
g = counter()
next(g)
print(g.throw(KeyError("thrown")))
# %%
def decorated(f):
    return f

@decorated
def fresh():
    yield 1

f = fresh()
f.throw(ValueError("before the start"))
# %%
def inner():
    yield 1
    raise ValueError("inner failed")

def outer():
    result = yield from inner()
    return result

o = outer()
print(next(o))
print(next(o))
# %%
o = outer()
next(o)
o.throw(TypeError("through yield from"))
# %%
x = list(1 / n for n in [1, 0])
# %%
x = sum(1 / n for n in [2, 0])
# %%
x = [1 / n for n in [3, 0]]
# %%
x = {n for n in [[1], [2]] if n != [0]}
# %%
x = {n: 1 for n in [[1]]}
# %%
def failing_iter():
    yield 1
    raise RuntimeError("iteration failed")

for v in failing_iter():
    pass
# %%
x = [v for v in failing_iter()]
# %%
x = [w for v in [1] for w in v]
# %%
x = [1 for v in [1] if v < "a"]
