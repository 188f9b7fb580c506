def gen():
    yield next(g)

g = gen()
# %%
next(g)
# %%
import inspect
inspect.getgeneratorstate(g)
