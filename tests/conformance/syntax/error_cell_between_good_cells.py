def gen():
    yield 1
g = gen()
# %%
print("not printed: the cell fails to compile")
next(g
# %%
print(next(g))
