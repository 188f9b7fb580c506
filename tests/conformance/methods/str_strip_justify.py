# strip, lstrip, rstrip, removeprefix, removesuffix, center, ljust, rjust, zfill and
# expandtabs, including CPython's odd-width centering and sign handling in zfill.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


print(repr("  hi \t\n".strip()), repr("\u3000hi\x1f".strip()), repr("xxhixy".strip("xy")))
print(repr("  hi  ".lstrip()), repr("  hi  ".rstrip()), repr("abcab".rstrip("ab")))
print("prefix-rest".removeprefix("prefix-"), "rest".removeprefix("x"), "a.py".removesuffix(".py"))
for width in range(5, 10):
    print(repr("abc".center(width, "*")), repr("ab".center(width, "*")))
print(repr("héllo".center(9, "é")), repr("abc".ljust(6, "-")), repr("abc".rjust(6)), repr("abc".ljust(2)))
print("-42".zfill(6), "+4".zfill(4), "abc".zfill(5), repr("".zfill(3)), "-".zfill(3), "42".zfill(1))
print(repr("a\tb\n\tc".expandtabs()), repr("ab\tc\r\td".expandtabs(4)), repr("a\tb".expandtabs(0)))
show(lambda: "abc".strip(1))
show(lambda: "abc".lstrip(1))
show(lambda: "abc".center(5, "ab"))
show(lambda: "abc".center(5, 1))
show(lambda: "abc".center())
show(lambda: "abc".center("5"))
show(lambda: "abc".ljust(5, fillchar="x"))
show(lambda: "abc".zfill(2.0))
show(lambda: "a".removeprefix(1))
show(lambda: "a".expandtabs(tabsize="x"))
