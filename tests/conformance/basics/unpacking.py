a, b = 1, 2
a, b = b, a
print(a, b)
first, *middle, last = [1, 2, 3, 4, 5]
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
(x, y), z = (1, 2), 3
print(x, y, z)
for i, (k, v) in enumerate({"p": 1, "q": 2}.items()):
    print(i, k, v)
head, *rest = [1]
print(head, rest)
print(*[1, 2], *"ab", sep=",")
print([*range(3), *[7]], {*"ab"} == {"a", "b"}, {**{"a": 1}, "b": 2})
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
