# Sets and dicts of instances with __eq__ and __hash__: equal keys collapse, and set methods
# call __eq__ only on hash collisions.
class Key:
    def __init__(self, name, h):
        self.name = name
        self.h = h

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        print("eq", self.name, other.name)
        return isinstance(other, Key) and self.name == other.name

    def __repr__(self):
        return self.name


a, a2, b, c = Key("a", 1), Key("a", 1), Key("b", 1), Key("c", 2)
s = {a, b, c}
print(len(s))
s.add(a2)
print(len(s), a2 in s, Key("z", 1) in s)
s.discard(Key("b", 1))
print(sorted(s, key=repr))
t = {Key("c", 2), Key("d", 3)}
print(sorted(s | t, key=repr), sorted(s & t, key=repr), sorted(s - t, key=repr))
d = {a: 1}
d[a2] = 2
print(d, d.get(Key("a", 1)), d.pop(Key("a", 1)), d)
