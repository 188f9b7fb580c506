try:
    g = (x for x in 10)
except TypeError as e:
    print("at creation:", e)

def noisy():
    print("first iterable evaluated")
    return [1, 2]

g = (x for x in noisy())
print("created")
print(list(g))
