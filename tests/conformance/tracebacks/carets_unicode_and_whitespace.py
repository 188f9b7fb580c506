# Columns count characters, not bytes; wide characters take two columns; indentation and
# trailing white space are stripped from the source line.
y = None
x = "日本" + y
# %%
x = "éé" + y; w = 1
# %%
x = '日本語' + y[0]
# %%
x = ("日本語日本語" +
     y)
# %%
def f(a):
	if a is None:
		return a[0] + 1

f(None)
# %%
def g(a):
    return (a) + 1   

g(None)
# %%
def h():
    raise ValueError   

h()
# %%
ünïcode = None
x = ünïcode.attr
# %%
x = "ß" * "ß"
