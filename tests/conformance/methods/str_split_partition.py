# str.split, rsplit, splitlines, partition and rpartition: white space runs (Unicode and the
# \x1c-\x1f separators), maxsplit, line boundaries, keepends, and errors.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


print("  a b\t\nc  ".split(), "  a b  c  ".split(None, 1), "  a b  c  ".rsplit(None, 1))
print("a\u3000b\x1cc\u00a0d".split(), "".split(), "   ".split(), "".split(","))
print("a,b,,c,".split(","), "a,b,,c,".rsplit(",", 2), "a,b,c".split(",", maxsplit=1))
print("aaa".split("aa"), "aaa".rsplit("aa"), "a b".split(sep=None, maxsplit=0))
print("a\nb\r\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l".splitlines())
print("a\nb\r\n\n".splitlines(True), "x\n".splitlines(keepends=True), "".splitlines())
print("a-b-c".partition("-"), "a-b-c".rpartition("-"))
print("abc".partition("x"), "abc".rpartition("x"))
show(lambda: "a".split(""))
show(lambda: "a".rsplit(""))
show(lambda: "a".split(1))
show(lambda: "a".split(",", "x"))
show(lambda: "a".split(",", sep=","))
show(lambda: "a".split(x=1))
show(lambda: "a".split(",", 1, 2))
show(lambda: "a".partition(""))
show(lambda: "a".partition(1))
show(lambda: "a".splitlines("x"))
