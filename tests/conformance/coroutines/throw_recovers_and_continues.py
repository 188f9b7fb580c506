class Reset(Exception):
    pass

def counter():
    count = 0
    while True:
        try:
            step = yield count
            count += step
        except Reset:
            print("reset!")
            count = 0

c = counter()
next(c)
print(c.send(5))
print(c.send(2))
print(c.throw(Reset))
print(c.send(1))
