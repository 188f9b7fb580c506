# list method errors and their exact messages.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


a = [1, 2, 3]
show(lambda: a.index(5))
show(lambda: a.index(2, 2))
show(lambda: a.index(1, "a"))
show(lambda: a.index(1, None))
show(lambda: a.index())
show(lambda: ["a"].index("b"))
show(lambda: a.remove(5))
show(lambda: a.insert("a", 2))
show(lambda: a.insert(1))
show(lambda: a.pop("a"))
show(lambda: a.pop(5))
show(lambda: [].pop())
show(lambda: a.pop(10**30))
show(lambda: a.extend(5))
show(lambda: a.append())
show(lambda: a.append(1, 2))
show(lambda: a.append(x=1))
show(lambda: a.sort(1))
show(lambda: a.sort(zz=1))
show(lambda: [3, "a"].sort())
show(lambda: [3, 1].sort(key=len))
show(lambda: a.copy(1))
show(lambda: list.append(5, 1))


def grow(x):
    b.append(x)
    return x


b = [3, 1, 2]
show(lambda: b.sort(key=grow))
print(b)
