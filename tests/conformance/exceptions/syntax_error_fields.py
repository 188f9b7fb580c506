# SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset])) sets its fields,
# and str() adds the file's base name and the line number.
e = SyntaxError("bad token", ("dir/example.py", 1, 5, "x = $ + 1\n", 1, 6))
print(str(e))
print(e.msg, e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
print(e.print_file_and_line, e.args)
# %%
e = SyntaxError("four", ["example.py", 2, 1, "y"])
print(str(e), e.end_lineno, e.end_offset)
# %%
for args in [(), ("only",), ("a", "b", "c"), (5,)]:
    e = SyntaxError(*args)
    print(repr(str(e)), e.msg, e.filename, e.lineno)
# %%
print(str(SyntaxError("m", (None, 3, 1, "t"))))
print(str(SyntaxError("m", ("f.py", None, 1, "t"))))
print(str(SyntaxError("m", ("f.py", True, 1, "t"))))
print(str(IndentationError("indented", ("f.py", 4, 1, "t", 4, 2))))
# %%
for info in [("a", 1), ("a", 1, 2, 3, 4), ("a", 1, 2, 3, 4, 5, 6), 5]:
    try:
        SyntaxError("m", info)
    except TypeError as exc:
        print("TypeError:", exc)
# %%
class Quiet(SyntaxError):
    def __init__(self, text):
        self.extra = text

q = Quiet("hello")
print(q.msg, q.lineno, q.args, q.extra)
# %%
class Loud(SyntaxError):
    def __init__(self, text):
        super().__init__(text, ("loud.py", 7, 2, "loud line\n", 7, 4))

raise Loud("from a subclass")
