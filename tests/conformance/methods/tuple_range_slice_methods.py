# tuple.count/index, range.count/index (including non-int values), slice.indices.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


t = (1, 2, 1, "a", 2.0)
print(t.count(1), t.count(2), t.index("a"), t.index(2, 2), t.index(1, -3))
show(lambda: t.index(5))
show(lambda: t.index(1, 1, 2))
r = range(0, 20, 3)
print(r.index(9), r.count(9), r.count(10), r.count(9.0), r.index(6.0), range(10, 0, -3).index(4))
show(lambda: r.index(10))
show(lambda: r.index("a"))
show(lambda: range(0, 10, 2).index(True))
show(lambda: r.index())
for s in [slice(1, 10, 2), slice(None), slice(None, None, -1), slice(-100, 100, 3), slice(5, 1),
          slice(-3, None), slice(None, None, 10**30)]:
    print(s, s.indices(5), s.indices(0))
show(lambda: slice(1, 10, 0).indices(5))
show(lambda: slice(1, 10).indices(-1))
show(lambda: slice("a", 10).indices(5))
show(lambda: slice(1, 10).indices("a"))
