d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d))
print(d.keys(), d.values(), d.items())
print(d.get("z"), d.get("z", 0), d["a"])
d.update({"a": 10, "d": 4})
print(d)
print(d.pop("b"), d.setdefault("e", 5), d.setdefault("a", 99))
del d["c"]
print(d, "a" in d, 10 in d)
print(list(d), sorted(d), dict(zip("xy", [1, 2])), dict(a=1, b=2))
print({}, {1: "one", (1, 2): [3]}, {True: "t", 1: "overwritten"})
for k, v in {"x": 1, "y": 2}.items():
    print(k, v)
print(d.popitem(), d)
d2 = dict.fromkeys(["p", "q"], 0)
print(d2, d2 == {"q": 0, "p": 0})
print({**d2, "r": 1}, d2 | {"p": 7})
