square = lambda x: x * x
print(square(4), (lambda a, b=2: a + b)(1), (lambda *a: a)(1, 2))
print(sorted(["bb", "a", "ccc"], key=lambda s: len(s)))
print(list(map(lambda x: x + 1, [1, 2])), list(filter(lambda x: x % 2, range(6))))
print(square.__name__, square.__qualname__)
print((lambda: None)())
