class Calculator:
    def apply(self, fn, value):
        return fn(value)

calc = Calculator()
print(calc.apply(lambda v: v + 1, 1))
calc.apply(lambda v: v.upper(), 5)
