def gen():
    yield 1

g = gen()
print(type(g))
print(type(g).__name__)
print(type(gen))
print(iter(g) is g)
print(hasattr(g, "__next__"), hasattr(g, "send"), hasattr(g, "throw"), hasattr(g, "close"))
