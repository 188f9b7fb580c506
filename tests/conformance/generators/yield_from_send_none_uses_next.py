class Counter:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration("counter done")
        return self.n

def outer():
    r = yield from Counter()
    yield ("returned", r)

g = outer()
print(next(g))
print(g.send(None))
print(list(g))
