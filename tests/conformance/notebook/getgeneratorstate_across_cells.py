import inspect

def gen():
    yield 1

g = gen()
inspect.getgeneratorstate(g)
# %%
next(g)
inspect.getgeneratorstate(g)
# %%
next(g, None)
inspect.getgeneratorstate(g)
