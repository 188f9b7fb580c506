def gen(items):
    for x in items:
        if x is None:
            return
        yield x

print(list(gen([1, 2, None, 3])))
