def averager():
    total = 0
    count = 0
    while True:
        x = yield
        if x is None:
            return total / count
        total += x
        count += 1

a = averager()
next(a)
for v in [10, 20, 60]:
    a.send(v)
try:
    a.send(None)
except StopIteration as e:
    print("average:", e.value)
