def gen():
    try:
        yield 1
    except ValueError:
        return "returned after throw"

g = gen()
next(g)
try:
    g.throw(ValueError)
except StopIteration as e:
    print("StopIteration:", e.value)
