# Resuming a generator suspended inside `yield from`: the sent value reaches the innermost
# delegate; every delegating generator is running meanwhile; the handled exception of an
# outer generator is visible inside the delegate; results and errors come back level by level.
import sys


def inner(tag):
    got = yield f"{tag} start"
    while got is not None:
        info = sys.exc_info()[0]
        got = yield f"{tag} got {got!r}, handling {info.__name__ if info else None}"
    return f"{tag} done"


def middle():
    r = yield from inner("a")
    yield f"middle saw {r}"
    try:
        raise KeyError("k")
    except KeyError:
        r = yield from inner("b")
    yield f"middle saw {r}"
    return "middle done"


def outer():
    r = yield from middle()
    yield f"outer saw {r}"


g = outer()
print(next(g))
print(g.send(1))
print(g.send(2))
print(g.send(None))
print(next(g))
print(g.send("x"))
print(g.send(None))
print(next(g))
print(next(g, "exhausted"))
# %%
def reenter():
    x = yield "ready"
    yield (x, outer_gen.gi_running, middle_gen.gi_running)
    try:
        outer_gen.send(5)
    except ValueError as e:
        yield f"ValueError: {e}"


def mid():
    yield from reenter()


def top():
    yield from mid()


outer_gen = top()
print(next(outer_gen))
middle_gen = None
# %%
import inspect
inner_gen = reenter()
def mid2():
    yield from inner_gen
middle_gen = mid2()
def top2():
    yield from middle_gen
outer_gen = top2()
print(next(outer_gen))
print(outer_gen.send("v"))
print(next(outer_gen))
print(inspect.getgeneratorstate(outer_gen), inspect.getgeneratorstate(middle_gen), inspect.getgeneratorstate(inner_gen))
print(outer_gen.gi_yieldfrom is middle_gen, middle_gen.gi_yieldfrom is inner_gen)
# %%
def failing():
    yield 1
    raise ValueError("deep")


def catcher():
    try:
        yield from failing()
    except ValueError as e:
        yield f"caught {e}"
    yield from failing()


def wrapper():
    return (yield from catcher())


w = wrapper()
print(next(w), next(w), next(w))
next(w)
