def consume(it, n):
    return [next(it) for _ in range(n)]

def letters():
    yield from "abcdef"

g = letters()
print(consume(g, 2))
print(consume(g, 3))
print(list(g))
