class A:
    class B:
        x = property(None)
        y = property(lambda s: 1)
try: A.B().x
except AttributeError as e: print(e)
try: del A.B().y
except AttributeError as e: print(e)
p = A.B.__dict__['y']
q = p.setter(lambda s, v: None)
class C: pass
C.z = q
try: del C().z
except AttributeError as e: print(e)
class D:
    def __set_name__(self, owner, name): print('set_name', owner.__name__, name)
class E:
    d = D()
    def __init_subclass__(cls, **kw): print('init_subclass', cls.__name__, kw)
class F(E): pass
class G(F): pass
class Bad:
    def __set_name__(self, o, n): raise ValueError("no")
class H:
    b = Bad()
