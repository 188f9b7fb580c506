# "Did you mean" follows CPython 3.11's rules: any candidate within a third of the characters,
# the locals, then the globals, then the builtins, each searched on its own.
class P:
    def __init__(self):
        self.x = 1
        self.Value = 2


p = P()
p.xx
# %%
p.value
# %%
xy = 1
xx
# %%
def f():
    lenn = 1
    return len_
f()
# %%
def g():
    prin = 1
    return prinT
g()
# %%
abcdefghij = 1
abcdefghiz
