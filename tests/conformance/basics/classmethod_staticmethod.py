class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius

    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)

    @staticmethod
    def is_freezing(c):
        return c <= 0

t = Temperature.from_fahrenheit(212)
print(t.celsius, Temperature.is_freezing(-1), t.is_freezing(5))
print(type(t).__name__)
