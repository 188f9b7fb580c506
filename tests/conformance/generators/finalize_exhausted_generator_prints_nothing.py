def gen():
    try:
        yield 1
    finally:
        print("finally while exhausting")

g = gen()
for _ in g:
    pass
del g
print("end")
