def gen():
    n = 0
    while True:
        try:
            yield n
        except ValueError:
            n = -1
        else:
            n += 1

g = gen()
print(next(g), next(g))
print(g.throw(ValueError))
print(next(g))
