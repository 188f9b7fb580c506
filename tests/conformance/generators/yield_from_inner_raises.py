def inner():
    yield 1
    raise ValueError("inner failed")

def outer():
    try:
        yield from inner()
    except ValueError as e:
        print("outer caught:", e)
    yield "outer continues"

print(list(outer()))
