def collector():
    items = []
    while True:
        item = yield len(items)
        if item is None:
            break
        items.append(item)
    return items

c = collector()
next(c)
for word in ["x", "y", "z"]:
    print(c.send(word))
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
