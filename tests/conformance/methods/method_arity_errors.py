# The arity and keyword errors of builtin methods, in each of CPython's argument-parsing
# styles; the last one is left uncaught to show its traceback.
def show(f):
    try:
        f()
    except TypeError as e:
        print(e)


show(lambda: "a".upper(1))
show(lambda: "a".upper(x=1))
show(lambda: "a".find())
show(lambda: "a".find("a", 1, 2, 3))
show(lambda: "a".center())
show(lambda: "a".center(1, 2, 3))
show(lambda: "a".split(",", 1, 2))
show(lambda: "a".split(x=1))
show(lambda: "a".split(None, 1, maxsplit=1))
show(lambda: "a".join())
show(lambda: [].append())
show(lambda: [].insert(1))
show(lambda: [].pop(1, 2))
show(lambda: {}.get())
show(lambda: {}.update({}, {}))
show(lambda: set().add())
show(lambda: (1).to_bytes(1, "big", True))
show(lambda: (1).to_bytes(x=1))
show(lambda: int.from_bytes())
show(lambda: (1.5).hex(1))
show(lambda: str.upper())
show(lambda: str.upper(5))
show(lambda: list.append((), 1))
show(lambda: dict.fromkeys([], 1, 2))
show(lambda: b"".decode(1, 2, 3))


def caller():
    return "x".center(1, "ab")


caller()
