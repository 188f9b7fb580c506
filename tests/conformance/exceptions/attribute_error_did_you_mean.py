class Point:
    def __init__(self):
        self.x = 1
        self.y = 2

p = Point()
try:
    p.z
except AttributeError as e:
    print("str:", e)
p.xx
