def kw_only(a, *, scale=1, offset=0):
    return a * scale + offset

print(kw_only(2, scale=3), kw_only(2, offset=1))
try:
    kw_only(2, 3)
except TypeError as e:
    print("TypeError:", e)

def pos_only(a, b, /, c):
    return a + b + c

print(pos_only(1, 2, 3), pos_only(1, 2, c=3))
try:
    pos_only(1, b=2, c=3)
except TypeError as e:
    print("TypeError:", e)
