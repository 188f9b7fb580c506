def three():
    yield 1
    yield 2
    yield 3

a, b, c = three()
print(a, b, c)
first, *rest = three()
print(first, rest)
try:
    x, y = three()
except ValueError as e:
    print("ValueError:", e)
try:
    x, y, z, w = three()
except ValueError as e:
    print("ValueError:", e)
