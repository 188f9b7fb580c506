class Thing:
    color = "red"

t = Thing()
print(getattr(t, "color"), getattr(t, "size", 0), hasattr(t, "color"), hasattr(t, "size"))
setattr(t, "size", 3)
print(t.size)
delattr(t, "size")
print(hasattr(t, "size"))
try:
    getattr(t, "weight")
except AttributeError as e:
    print("AttributeError:", e)
