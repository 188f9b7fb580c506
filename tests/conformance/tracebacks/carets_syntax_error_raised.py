# A SyntaxError raised by running code is printed as the traceback module prints it.
raise SyntaxError("bad token", ("example.py", 1, 5, "x = $ + 1\n", 1, 6))
# %%
raise SyntaxError("range", ("example.py", 2, 5, "    y = 1 +\n", 2, 12))
# %%
raise IndentationError("indented", ("example.py", 3, 1, "yield 1\n", 3, 6))
# %%
raise SyntaxError("no position")
