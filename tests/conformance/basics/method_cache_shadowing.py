# A method call cached for a class must notice an instance that shadows the method, in any cell.
class A:
    def m(self):
        return "class m"

def call_all(objs):
    return [o.m() for o in objs]

a, b = A(), A()
print(call_all([a, b, a]))
b.m = lambda: "instance m"
print(call_all([a, b, a, b]))
# %%
c = A()
print(call_all([c]))
setattr(c, "m", lambda: "setattr m")
print(call_all([a, b, c]))
del b.m
print(call_all([a, b, c]))
# %%
class B(A):
    pass

d = B()
print(call_all([d, a]))
d.__setattr__("m", lambda: "B instance m")
print(call_all([d, a]))
object.__setattr__(a, "m", lambda: "object.__setattr__ m")
print(call_all([a, d, B()]))
# %%
A.m = lambda self: "new class m"
print(call_all([A(), B(), a]))
