# str.find, rfind, index, rindex, count, startswith and endswith: code point indexes,
# start/end bounds, empty substrings, tuples of prefixes, and CPython's errors.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


s = "héllo wörld"
print(s.find("l"), s.rfind("l"), s.find("ö"), s.find("l", 4), s.find("l", -3), s.find("z"))
print(s.index("w"), s.rindex("o"), s.count("l"), s.count(""), s.count("l", 3, 9))
print("abc".find("", 3), "abc".find("", 4), "abc".rfind(""), "aaaa".count("aa"))
print(s.startswith("hé"), s.startswith(("x", "wö"), 6), s.endswith("rld"), s.endswith("l", 0, 4))
print("abc".startswith("", 3), "abc".startswith("", 4), "abc".startswith(()))
print("abc".find("c", None, None), "abc".find("a", -10**30, 10**30))
show(lambda: s.index("z"))
show(lambda: s.rindex("z"))
show(lambda: s.find(1))
show(lambda: s.find("a", "x"))
show(lambda: s.find())
show(lambda: s.count("a", 1, 2, 3))
show(lambda: s.startswith(1))
show(lambda: s.startswith(("hé", 1)))
show(lambda: s.startswith((1, "hé")))
show(lambda: s.find(sub="a"))
