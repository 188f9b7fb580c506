# A base that is not a class makes its type the metaclass: `class C(5)` calls int(name, bases, ns).
class Broken(5):
    pass
