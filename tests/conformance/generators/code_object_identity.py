# A function, its generators and their frames share one code object.
def make():
    def inner():
        yield 1
    return inner


a, b = make(), make()
print(a is b, a.__code__ is b.__code__, a.__code__ is a.__code__)
g = a()
print(g.gi_code is a.__code__, g.gi_frame.f_code is g.gi_code, g.gi_code.co_name)
h = b()
print(h.gi_code is g.gi_code)
print(make.__code__ is make.__code__, (lambda: 0).__code__.co_name)
