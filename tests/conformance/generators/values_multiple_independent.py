def countdown(n):
    while n > 0:
        yield n
        n -= 1

a = countdown(3)
b = countdown(2)
print(next(a), next(b), next(a), next(b), next(a))
print(next(b, "b done"), next(a, "a done"))
