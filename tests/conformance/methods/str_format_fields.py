# str.format and format_map: automatic and manual numbering, keyword fields, attribute and
# index lookups, conversions, nested specs, escaped braces.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __format__(self, spec):
        return f"<{spec}>"


p = Point(1, 2)
print("{} and {}".format(1, "a"), "{1}{0}{1}".format("a", "b"), "{{}}{{{0}}}".format(7))
print("{name}: {0}".format(3, name="n"), "{p.x},{p.y}".format(p=p), "{0[1]}{0[0]}".format("ab"))
print("{0[key]} {0[1]}".format({"key": "v", 1: "one"}), "{0[1][0]}".format([[1], [2]]))
print("{!r} {!s} {!a}".format("é", p, "é"), "{0!r:>8}|".format("a"))
print("{:{}{}}|{:>{w}.{p}f}|".format(1, ">", 5, 3.14159, w=8, p=2))
print("{0:} {0:5} {0:<5}| {0:^5}|".format(42), "{:x}".format(p), "{}".format(p))
print("{x} {y}".format_map({"x": 1, "y": [2]}), "{٠}".format("arabic zero"))
print("{:%}".format(0.5), "{:,}".format(1234567), "{:_b}".format(255))
print("{0:{1}}".format("abc", 6) + "|")


print("{a}".format_map({"a": "mapping"}))
