def sub():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x

def delegator():
    while True:
        result = yield from sub()
        print("sub finished with", result)

d = delegator()
print(next(d))
print(d.send(2))
print(d.send(3))
print(d.send(None))
print(d.send(10))
