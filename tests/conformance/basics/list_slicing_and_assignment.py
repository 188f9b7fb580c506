xs = list(range(10))
print(xs[2:5], xs[::3], xs[::-2], xs[-2:], xs[8:100])
xs[2:5] = ["a", "b"]
print(xs)
xs[:2] = []
print(xs)
del xs[::2]
print(xs)
ys = [0] * 5
ys[1::2] = [1, 1]
print(ys)
try:
    ys[::2] = [9]
except ValueError as e:
    print("ValueError:", e)
