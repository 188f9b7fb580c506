print(isinstance(3, int), isinstance(3, (str, float)), isinstance(True, int))
print(isinstance([], list), isinstance({}, dict), isinstance(None, type(None)))
print(issubclass(bool, int), issubclass(int, object), issubclass(list, (tuple, list)))

def gen():
    yield

print(isinstance(gen(), object), type(gen()).__name__)
try:
    isinstance(3, 3)
except TypeError as e:
    print("TypeError:", e)
