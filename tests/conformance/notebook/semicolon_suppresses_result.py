def gen():
    yield 1
    yield 2

g = gen()
next(g);
# %%
next(g)  ;  # a trailing comment does not matter
# %%
"shown"
