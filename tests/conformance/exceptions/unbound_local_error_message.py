def f():
    print(x)
    x = 1

try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, e)
    print(isinstance(e, NameError))
