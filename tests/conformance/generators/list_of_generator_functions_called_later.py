def make(n):
    def gen():
        for i in range(n):
            yield i
    return gen

fns = [make(k) for k in range(1, 4)]
print([list(f()) for f in fns])
print([f.__qualname__ for f in fns][0])
