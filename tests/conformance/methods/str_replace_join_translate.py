# replace (counts, empty old), join (iterables, errors), translate and maketrans.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


print("aaa".replace("a", "b", 2), "abc".replace("", "-"), "abc".replace("", "-", 2),
      repr("".replace("", "x")), "héllo".replace("l", "L"), "abc".replace("b", "", -1))
print(",".join(["a", "b"]), "".join(("x",)), "-".join(c for c in "abc"), repr(",".join([])))
print("-".join({"k1": 1, "k2": 2}), " ".join(map(str, range(4))))
table = str.maketrans("ab", "xy", "c")
print(table, "abcabc".translate(table))
print("abc".translate({97: "AA", 98: None, 99: 100}), "abc".translate("xyz"))
print(str.maketrans({"a": 1, 98: None}), "".maketrans("", ""))
show(lambda: ",".join(["a", 1]))
show(lambda: ",".join(1))
show(lambda: "a".replace(1, "b"))
show(lambda: "a".replace("a", "b", "c"))
show(lambda: "a".replace("a"))
show(lambda: "abc".translate({97: 1.5}))
show(lambda: "abc".translate({97: 0x110000}))
show(lambda: str.maketrans("ab", "c"))
show(lambda: str.maketrans({"ab": 1}))
show(lambda: str.maketrans({1.5: 1}))
show(lambda: str.maketrans(1))
show(lambda: str.maketrans(1, "a"))
show(lambda: str.maketrans("a", 1))
