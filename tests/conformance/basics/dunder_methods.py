class Vector:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __contains__(self, x):
        return x in self.items
    def __add__(self, other):
        return Vector(*(a + b for a, b in zip(self.items, other.items)))
    def __mul__(self, k):
        return Vector(*(a * k for a in self.items))
    def __lt__(self, other):
        return sum(self.items) < sum(other.items)
    def __bool__(self):
        return any(self.items)
    def __repr__(self):
        return f"Vector{tuple(self.items)}"
    def __iter__(self):
        return iter(self.items)

v = Vector(1, 2)
w = Vector(3, 4)
print(v + w, v * 3, len(v), v[1], 2 in v, list(w), bool(Vector(0, 0)))
print(sorted([w, v]), max(v, w), v < w)
for x in v:
    print(x)
