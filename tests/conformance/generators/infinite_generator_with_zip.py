def naturals():
    n = 1
    while True:
        yield n
        n += 1

print(list(zip("abc", naturals())))
for i, n in enumerate(naturals()):
    if n > 3:
        break
    print(i, n)
