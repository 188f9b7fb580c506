print((), (1,), (1, 2), ((1, 2), (3,)), tuple("ab"))
t = 1, 2, 3
print(t, len(t), t[1], t[-1], t[:2], t + (4,), t * 2, 2 in t)
print(t.index(3), t.count(1), (1, 2) < (1, 3), (1, 2) == (1, 2))
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
print(type(()).__name__, type((1)).__name__, type((1,)).__name__)
