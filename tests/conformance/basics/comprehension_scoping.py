x = "outer"
squares = [x * x for x in range(3)]
print(squares, x)

class Config:
    base = 10
    values = [i for i in range(3)]

print(Config.values)

try:
    class Broken:
        base = 10
        values = [base + i for i in range(3)]
except NameError as e:
    print("NameError:", e)
