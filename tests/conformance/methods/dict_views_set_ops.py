# The set operators and isdisjoint of dict keys and items views, on either side.
d = {1: 10, 2: 20, 3: 30}
e = {2: 20, 3: 99, 4: 40}
k, i = d.keys(), d.items()
print(k & {1, 3, 5}, k | [3, 9], k - {1}, k ^ {1, 5}, k & e.keys(), k - e.keys())
print([1, 9] & k, {2, 3} - k, (4, 1) | k, [0, 1] ^ k)
print(i & {(1, 10), (2, 99)}, i - e.items(), i ^ e.items(), e.items() ^ i, i | {(9, 90)})
print(k.isdisjoint([7, 8]), k.isdisjoint({3}), i.isdisjoint([(1, 10)]), k.isdisjoint(e.keys()))
print(type(k & k).__name__, k & k, k - k, k ^ k)
try:
    d.values() & {1}
except TypeError as err:
    print(err)
try:
    k & 5
except TypeError as err:
    print(err)
try:
    i | {(1, [])}
except TypeError as err:
    print(err)
