e = "before"
try:
    raise ValueError("x")
except ValueError as e:
    print("inside:", e)
print(e)
