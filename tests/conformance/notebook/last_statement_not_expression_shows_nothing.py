def gen():
    yield 1

g = gen()
for v in g:
    v
# %%
if True:
    "inside an if block"
# %%
x = next(gen())
