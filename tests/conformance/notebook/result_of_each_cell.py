def gen():
    yield 1
    yield "two"
    yield [3]

g = gen()
# %%
next(g)
# %%
next(g)
# %%
next(g)
# %%
next(g, None)
