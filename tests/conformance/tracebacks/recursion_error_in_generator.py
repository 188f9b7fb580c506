def countdown(n):
    yield n
    yield from countdown(n - 1)

for x in countdown(5):
    pass
print("finite is fine:", x)
list(countdown(10**6))
