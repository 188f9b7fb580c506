def doubler():
    result = None
    while True:
        x = yield result
        result = x * 2

d = doubler()
print(next(d))
print(d.send(1))
print(d.send(10))
print(d.send("ab"))
