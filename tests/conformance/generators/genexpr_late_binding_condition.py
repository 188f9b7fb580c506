limit = 10
g = (x for x in range(6) if x < limit)
limit = 3
print(list(g))
