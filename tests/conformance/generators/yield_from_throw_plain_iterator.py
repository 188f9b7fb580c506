def outer():
    try:
        yield from iter([1, 2])
    except ValueError as e:
        print("caught at yield from:", e)
        yield "after"

g = outer()
print(next(g))
print(g.throw(ValueError("into list iterator")))
