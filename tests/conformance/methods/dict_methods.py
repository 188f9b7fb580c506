# dict methods: get, setdefault, pop, popitem order, update forms, fromkeys, copy, clear.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("a", 9), d.setdefault("c"), d)
print(d.pop("b"), d.pop("z", "dflt"), d)
d.update({"x": 1}, y=2)
d.update([("z", 3), ("a", 0)])
d.update(k=[])
print(d)
print(d.popitem(), d.popitem(), d)
e = d.copy()
e["new"] = 1
print(d, e, dict.fromkeys("abc"), dict.fromkeys(range(3), 0), {}.fromkeys([1, 1, 2], []))
e.clear()
print(e, len(e))


class Mapping:
    def keys(self):
        return ["p", "q"]

    def __getitem__(self, key):
        return key.upper()


d.update(Mapping())
print(d)
print(list(d.keys()), list(d.values()), list(d.items()))
ks = d.keys()
d["late"] = True
print(ks, len(ks), "late" in ks, d.items())


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


show(lambda: {}.popitem())
show(lambda: {}.pop(1))
show(lambda: {}.pop([]))
show(lambda: {1: 2}.pop([]))
show(lambda: {}.get([]))
show(lambda: {}.update(1))
show(lambda: {}.update([1]))
show(lambda: {}.update([(1, 2, 3)]))
show(lambda: {}.update({1: 2}, {3: 4}))
show(lambda: dict.fromkeys(1))
show(lambda: dict.fromkeys())
show(lambda: {}.get())
show(lambda: {}.keys(1))
show(lambda: {}.values().isdisjoint([1]))
