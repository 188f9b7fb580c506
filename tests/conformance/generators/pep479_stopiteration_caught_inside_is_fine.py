def gen():
    it = iter([])
    try:
        next(it)
    except StopIteration:
        print("caught inside")
    yield "fine"

print(list(gen()))
