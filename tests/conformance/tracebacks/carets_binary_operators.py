# Binary operators: `~` under the operands, `^` under the operator.
a = None
x = a + 1
# %%
a + 1
# %%
x = (a) + 1
# %%
x = (a)+1
# %%
x = (a) //1
# %%
x = ((a)) + ((a))
# %%
x = 1 + a * 2
# %%
x = 2 ** a
# %%
x = 'text' - 1
# %%
x = a	+ 1
# %%
x = f"{a + 1}"
# %%
def add(p, q):
    return p + q

total = add(1, add(2, None))
# %%
x = [1] @ [2]
# %%
x = 1 / 0
# %%
x = 10 % 0
