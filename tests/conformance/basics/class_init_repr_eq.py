class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __eq__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)

p = Point(1, 2)
print(p, repr(p), str(p), [p])
print(p == Point(1, 2), p != Point(2, 1), p == (1, 2))
try:
    {p}
except TypeError as e:
    print("TypeError:", e)
p
