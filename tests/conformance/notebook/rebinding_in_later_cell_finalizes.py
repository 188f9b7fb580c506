def gen(tag):
    try:
        yield tag
    finally:
        print("finalized", tag)

g = gen("first")
next(g)
# %%
g = gen("second")
# %%
next(g)
