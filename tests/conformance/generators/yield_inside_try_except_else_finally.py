def gen():
    try:
        yield "try"
    except ValueError:
        yield "except"
    else:
        yield "else"
    finally:
        print("finally")
    yield "after"

print(list(gen()))
g = gen()
next(g)
print(g.throw(ValueError))
print(list(g))
