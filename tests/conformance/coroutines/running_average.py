def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        term = yield average
        total += term
        count += 1
        average = total / count

a = averager()
next(a)
print(a.send(10))
print(a.send(30))
print(a.send(5))
