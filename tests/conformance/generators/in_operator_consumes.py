def gen():
    for i in range(5):
        print("yield", i)
        yield i

g = gen()
print(2 in g)
print(list(g))
