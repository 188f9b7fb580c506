def inverse_all(values):
    return [1 / v for v in values]

print(inverse_all([1, 2]))
inverse_all([1, 0])
