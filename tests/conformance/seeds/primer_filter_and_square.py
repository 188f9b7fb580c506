def filter_and_square():
    while True:
        value = yield
        if value % 2 == 0:
            print(f"Even squared: {value ** 2}")

f = filter_and_square()
next(f)
for i in range(1, 6):
    f.send(i)
