def gen(i):
    try:
        yield i
    finally:
        print("finalized", i)

for i in range(3):
    g = gen(i)
    print("started", next(g))
print("loop done")
