g = (x for x in range(3))
print(list(g))
print(list(g))
print(sum(g))
