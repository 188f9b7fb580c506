def f(n):
    return n

def g(a, b, *, key):
    return a

class C:
    def method(self, x):
        return x

def show(call):
    try:
        call()
    except TypeError as e:
        print(e)

show(lambda: f())
show(lambda: f(1, 2))
show(lambda: f(m=1))
show(lambda: f(1, n=2))
show(lambda: g(1))
show(lambda: g(1, 2))
show(lambda: g(1, 2, 3))
show(lambda: g(1, 2, key=3, other=4))
show(lambda: C().method())
show(lambda: C().method(1, 2))
show(lambda: C.method(1))
show(lambda: (lambda: 0)(1))
show(lambda: len())
show(lambda: len(1, 2))
show(lambda: divmod(1))
