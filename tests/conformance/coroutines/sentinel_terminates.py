def summer():
    total = 0
    while True:
        value = yield
        if value is None:
            break
        total += value
    print("total", total)

s = summer()
next(s)
for v in [1, 2, 3]:
    s.send(v)
try:
    s.send(None)
except StopIteration:
    print("summer finished")
