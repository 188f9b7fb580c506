# Attribute, method and global lookups that change under a running loop: every answer must
# follow the change at once (the VM caches lookups per name).
class P:
    kind = "class"

    def __init__(self, x):
        self.x = x

    def get(self):
        return "method"


def read(objs):
    out = []
    for o in objs:
        out.append((o.x, o.get(), o.kind))
    return out


a, b = P(1), P(2)
print(read([a, b]))
b.get = lambda: "shadowed"
print(read([a, b]))
del b.get
print(read([a, b]))
P.get = lambda self: "replaced"
print(read([a, b]))
a.kind = "instance"
print(read([a, b]))
del a.x
a.y = 3
a.x = 10
print(read([a, b]))


class Q(P):
    pass


q = Q(5)
print(read([a, q, b]))
P.kind = property(lambda self: "property")
print(read([a, q, b]))


def store(objs, v):
    for o in objs:
        o.x = v


store([a, b, q], 7)
print(read([a, b, q]))
P.x = property(lambda self: "ro")
try:
    store([a], 8)
except AttributeError as e:
    print("AttributeError:", e)
print(read([a, b]))
# %%
def use_len(items):
    return [len(i) for i in items]


print(use_len(["ab", [1]]))
len = lambda x: "global len"
print(use_len(["ab", [1]]))
del len
print(use_len(["ab", [1]]))
# %%
class Counter:
    n = 0

    def bump(self):
        Counter.n += 1
        return Counter.n


c = Counter()
print([c.bump() for _ in range(5)])
print([m(2) if m.__name__ == "count" else m() for m in [[1].copy, "a".upper, (1, 2).index.__self__.count]])
items = [[3, 1], (2, 1), [1, 1], "ba"]
print([x.count(1) if type(x) is not str else x.count("a") for x in items])
