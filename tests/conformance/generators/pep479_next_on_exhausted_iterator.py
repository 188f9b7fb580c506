def first_two(items):
    it = iter(items)
    yield next(it)
    yield next(it)

print(list(first_two([1, 2, 3])))
print(list(first_two([1])))
