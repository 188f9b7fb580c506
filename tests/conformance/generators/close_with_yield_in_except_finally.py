def gen():
    try:
        yield 1
    except GeneratorExit:
        print("caught GeneratorExit")
    print("falls off the end")

g = gen()
next(g)
print(g.close())
