class Resource:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit with", exc_type.__name__ if exc_type else None)
        return False

def gen():
    with Resource():
        yield 1
        yield 2

g = gen()
next(g)
g.close()
print("--")
print(list(gen()))
