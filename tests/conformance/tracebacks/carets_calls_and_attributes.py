# Calls point at the whole call; attribute loads at the whole `a.b`.
def boom(*args, **kwargs):
    raise ValueError("boom")

x = boom()
# %%
boom()
# %%
x = boom(1, 2) + 3
# %%
class Widget:
    def method(self, n):
        return self.helper(n)

    def helper(self, n):
        return n.missing

w = Widget()
x = w.method(5)
# %%
x = w.nothing
# %%
x = w.nothing()
# %%
x = w.method(n=5)
# %%
args = [5]
x = w.method(*args)
# %%
x = 5()
# %%
import time
x = time.nope
# %%
x = time.sleep("a")
# %%
x = len(5)
# %%
x = sorted([3, 1, 2], key=lambda v: v.real.missing)
