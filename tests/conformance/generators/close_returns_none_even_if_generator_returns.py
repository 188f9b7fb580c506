def gen():
    try:
        yield 1
    except GeneratorExit:
        print("returning a value on close")
        return "value"

g = gen()
next(g)
print(g.close())
