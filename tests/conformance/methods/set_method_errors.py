# set method errors.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


show(lambda: set().pop())
show(lambda: {1}.remove(2))
show(lambda: {1}.remove([]))
show(lambda: {1}.remove({1}))
show(lambda: {1}.discard([]))
show(lambda: {1}.add([]))
show(lambda: {1}.union(1))
show(lambda: {1}.union(zz=1))
show(lambda: frozenset().union(zz=1))
show(lambda: {1}.update(5))
show(lambda: {1}.isdisjoint(1))
show(lambda: {1}.issubset(1))
show(lambda: {1}.issubset())
show(lambda: {1}.symmetric_difference())
show(lambda: {1}.add(1, 2))
show(lambda: set.union([1], [2]))
show(lambda: frozenset.union({1}, [2]))
show(lambda: {1}.intersection([[]]))
show(lambda: {[]}.copy())
