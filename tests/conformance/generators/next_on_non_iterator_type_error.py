try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)

def gen():
    yield 1

next(gen)
