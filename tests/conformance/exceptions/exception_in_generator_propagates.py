def gen():
    yield 1
    int("not a number")
    yield 2

g = gen()
print(next(g))
try:
    next(g)
except ValueError as e:
    print("caller caught:", e)
print(list(g))
