x = 5
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
items = [0, 1, 2, 3, 4]
del items[0]
del items[1:3]
print(items)
d = {"a": 1, "b": 2}
del d["a"]
print(d)

class Box:
    pass

b = Box()
b.value = 1
del b.value
print(hasattr(b, "value"))
a, c = 1, 2
del a, c
try:
    print(a)
except NameError as e:
    print("NameError:", e)
