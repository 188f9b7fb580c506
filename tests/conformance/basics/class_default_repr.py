class Plain:
    pass

class WithStr:
    def __str__(self):
        return "custom str"

p = Plain()
print(repr(p))
print(p)
print(WithStr(), repr(WithStr()).startswith("<__main__.WithStr object at"))
print(Plain, repr(Plain), Plain.__name__, Plain.__qualname__, Plain.__module__)
print(type(p) is Plain, type(p))
