print({3, 1, 2}, {10, 5, 1}, set([4, 4, 2]), set())
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, a ^ b, a <= b, {3} < a)
a.add(9)
a.discard(1)
a.remove(2)
print(a, len(a), 9 in a)
print(frozenset([2, 1]), frozenset(), sorted({5, 3, 8}))
print({x % 3 for x in range(10)})
try:
    a.remove(100)
except KeyError as e:
    print("KeyError:", e)
print({1, 2} == {2, 1}, {(1, 2), (1, 2)})
