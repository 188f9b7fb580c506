class Reader:
    def lines(self):
        yield "a"

    class Nested:
        def items(self):
            yield 1

g = Reader().lines()
print(g.__qualname__)
print(Reader.Nested().items().__qualname__)
print(repr(g))
