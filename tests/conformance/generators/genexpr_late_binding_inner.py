ys = [1, 2]
g = (x * y for x in range(1, 3) for y in ys)
ys = [10, 100]
print(list(g))
