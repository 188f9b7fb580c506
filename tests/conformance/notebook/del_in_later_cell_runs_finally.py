def gen():
    try:
        yield 1
    finally:
        print("finally runs when the last reference goes")

g = gen()
next(g)
# %%
print("deleting")
del g
print("deleted")
