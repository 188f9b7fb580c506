def counter():
    n = 0
    while True:
        n += 1
        yield n

c = counter()
next(c)
# %%
next(c)
1 / 0
# %%
next(c)
