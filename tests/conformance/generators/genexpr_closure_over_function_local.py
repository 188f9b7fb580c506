def scaled(factor):
    return (x * factor for x in range(3))

g = scaled(5)
print(list(g))
