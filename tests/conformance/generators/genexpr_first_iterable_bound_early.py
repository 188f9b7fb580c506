xs = [1, 2, 3]
g = (x for x in xs)
xs = [7, 8, 9]
print(list(g))
