def gen():
    yield 1

g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
next(g)
