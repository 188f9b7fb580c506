def gen():
    for i in range(5):
        yield i

g = gen()
# %%
for v in g:
    print(v)
    if v == 2:
        raise RuntimeError("stopped the loop")
# %%
list(g)
