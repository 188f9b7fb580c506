def gen():
    yield "old 1"
    yield "old 2"

g_old = gen()
next(g_old)
# %%
def gen():
    yield "new 1"
    yield "new 2"

g_new = gen()
# %%
print(next(g_old), next(g_new))
