def gen(key):
    try:
        yield key
    finally:
        print("finalized", key)

table = {"a": gen("a"), "b": gen("b")}
for g in table.values():
    next(g)
del g
del table["a"]
print("deleted a")
table["b"] = None
print("replaced b")
