def gen():
    for i in range(5):
        print("producing", i)
        yield i

g = gen()
print(list(zip(g, range(2))))
print(next(g))
