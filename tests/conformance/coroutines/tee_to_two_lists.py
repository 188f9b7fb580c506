def tee(a, b):
    while True:
        item = yield
        a.append(item)
        b.append(item * 2)

left, right = [], []
t = tee(left, right)
next(t)
for x in [1, 2, 3]:
    t.send(x)
print(left, right)
