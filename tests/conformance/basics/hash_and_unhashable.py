class Key:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return self.v == other.v
    def __hash__(self):
        return hash(self.v)

d = {Key(1): "one"}
print(d[Key(1)])
try:
    {[1, 2]: "list key"}
except TypeError as e:
    print("TypeError:", e)
try:
    {1, {2}}
except TypeError as e:
    print("TypeError:", e)
print({(1, 2): "tuple keys are fine"})
