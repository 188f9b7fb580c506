# bytes methods: search with bytes or ints, ASCII-only white space and case, hex with
# separators, padding, and errors.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


b = b"Hello, World"
print(b.find(b"o"), b.rfind(b"o"), b.find(111), b.count(b"l"), b.count(b""), b.index(b"W"))
print(b.startswith(b"He"), b.endswith((b"x", b"ld")), b.lower(), b.upper(), b.swapcase(), b.title())
print(b"a b\t\nc\x1cd".split(), b"a,b,,c".split(b","), b"a,b,c".rsplit(b",", 1), b"a\nb\r\nc".splitlines(True))
print(b.partition(b", "), b.rpartition(b"x"), b",".join([b"a", b"b"]), b"-".join([]))
print(b"  hi \x0b".strip(), b"xxhixx".strip(b"x"), b"abc".removeprefix(b"a"), b"abc".removesuffix(b"c"))
print(b"aaa".replace(b"a", b"bb", 2), b"abc".replace(b"", b"-"), b"abc".center(7, b"*"), b"-12".zfill(5))
print(b"abc".ljust(5), b"abc".rjust(5, b"."), b"a\tb".expandtabs(4))
print(b"\x00\xffab".hex(), b"abcdef".hex(":", 2), b"abcde".hex("-", -2), b"abc".hex(b" "))
print(b"123".isdigit(), b"ab1".isalnum(), b"ab".isalpha(), b" \t".isspace(), b"AB".isupper(),
      b"ab".islower(), b"Ab Cd".istitle(), b"\xe9".isascii(), b"".isdigit())
show(lambda: b.find("o"))
show(lambda: b.find(256))
show(lambda: b.startswith("H"))
show(lambda: b.split(","))
show(lambda: b",".join([b"a", "b"]))
show(lambda: b.center(20, "*"))
show(lambda: b.index(b"z"))
show(lambda: b.hex("::"))
show(lambda: b.replace("a", "b"))
