def gen():
    try:
        for i in range(5):
            yield i
    finally:
        print("generator finalized")

g = gen()
for x in g:
    if x == 1:
        break
print("after loop, still suspended")
print(next(g))
del g
print("after del")
