# Errors of the format-spec mini-language, per type.
def show(value, spec):
    try:
        print(repr(format(value, spec)))
    except Exception as e:
        print(repr(value), repr(spec), type(e).__name__ + ":", e)


for spec in ["abc", ",s", ",n", "_c", ",x", ",_", "_,", ",,", "z", "z.2", "z+", "zc", ".2", "+c",
             "#c", "s", "f.", ".", "99999999999999999999", "\x01", "é"]:
    show(5, spec)
for spec in ["abc", "d", "c", "x", ".2147483648f", "z+", "=^10,"]:
    show(1.5, spec)
for spec in ["+", " ", "#", "=5", "z", "z#", ",", "d", "abc"]:
    show("abc", spec)
show(True, "s")
show(-1, "c")
show(0x110000, "c")
show(10**400, "f")
show([1], "5")
show(None, "x")
print(format([1], ""), format(None, ""))
