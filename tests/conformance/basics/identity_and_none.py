x = None
print(x is None, x == None, x is not None)
a = [1]
b = [1]
print(a == b, a is b)

def nothing():
    pass

print(nothing(), nothing() is None)
