def gen():
    yield "only value"
    return "the return value"

g = gen()
next(g)
# %%
next(g)
# %%
next(g, "default")
