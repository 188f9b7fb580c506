# A range that spans lines is marked to the end of its first line.
def boom(*args):
    raise ValueError("boom")

x = boom(1,
         2)
# %%
x = boom(
    1,
    2,
)
# %%
class Widget:
    def method(self):
        raise KeyError("k")

w = Widget()
x = (w
     .method())
# %%
x = (w
     .missing)
# %%
x = (w.method
     ())
# %%
a = None
x = (a +
     1)
# %%
x = (a  # a comment
     + 1)
# %%
x = (
    a
)[
    1]
# %%
x = boom(1,   
         2)
