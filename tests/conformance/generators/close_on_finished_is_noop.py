def gen():
    try:
        yield 1
    finally:
        print("finally")

g = gen()
print(list(g))
print(g.close())
print(g.close())
