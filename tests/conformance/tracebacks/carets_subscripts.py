# Subscripts: `~` under the object, `^` under the brackets.
a = None
x = a[1]
# %%
x = a [1]
# %%
x = a[1 ]
# %%
d = {'k': 1}
x = d['key']
# %%
x = (a)[1]
# %%
items = [1, 2, 3]
x = items[1:2] + items[10]
# %%
x = items[items[0] + 5]
# %%
del items[7]
# %%
items[9] = 2
# %%
d['missing'] += 1
# %%
grid = [[1, 2], [3, 4]]
x = grid[1][5]
# %%
a[1]
