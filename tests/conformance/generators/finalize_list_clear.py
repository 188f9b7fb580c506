def gen(i):
    try:
        yield i
    finally:
        print("finalized", i)

gens = [gen(i) for i in range(3)]
for g in gens:
    next(g)
del g
print("clearing")
gens.clear()
print("cleared")
