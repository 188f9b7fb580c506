def counter(start):
    n = start
    while True:
        n += 1
        yield n

c = counter(10)
print(next(c), next(c), next(c))
other = counter(100)
print(next(other), next(c))
