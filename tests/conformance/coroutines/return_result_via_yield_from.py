def averager():
    total = 0
    count = 0
    while True:
        term = yield
        if term is None:
            break
        total += term
        count += 1
    return (count, total / count)

def grouper(results, key):
    while True:
        results[key] = yield from averager()

results = {}
for key, values in [("girls", [40.9, 38.5, 44.3]), ("boys", [39.0, 40.8])]:
    group = grouper(results, key)
    next(group)
    for v in values:
        group.send(v)
    group.send(None)
print(results)
