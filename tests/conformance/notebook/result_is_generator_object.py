def gen():
    yield 1

gen()
# %%
g = gen()
g
