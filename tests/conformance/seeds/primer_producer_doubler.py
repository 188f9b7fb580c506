def producer():
    for i in range(5):
        yield i

def doubler():
    while True:
        value = yield
        print(value * 2)

d = doubler()
next(d)
for num in producer():
    d.send(num)
