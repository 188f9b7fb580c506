def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(15)])
for _ in range(80):
    x = next(f)
print(x)
