def gen():
    yield 1

g = gen()
g.__name__ = "renamed"
g.__qualname__ = "Some.renamed"
print(g.__name__, g.__qualname__)
print(repr(g))
