def inner():
    yield "a"
    raise StopIteration

def outer():
    yield from inner()
    yield "never"

for v in outer():
    print(v)
