class A:
    pass

a = A()
b = A()
print(a == a, a == b, a != b, a is a)
print(hash(a) == hash(a))
