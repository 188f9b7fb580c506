def gen(name):
    try:
        yield name
    finally:
        print("finalized at the end:", name)

a = gen("a")
next(a)
# %%
b = gen("b")
next(b)
# %%
print("last cell")
