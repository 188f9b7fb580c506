class Managed:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return False

with Managed("a") as value:
    print("body", value)

with Managed("outer"), Managed("inner") as inner:
    print("nested body", inner)

try:
    with Managed("failing"):
        raise ValueError("inside with")
except ValueError as e:
    print("propagated", e)
