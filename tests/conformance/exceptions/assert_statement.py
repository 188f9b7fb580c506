def check(x):
    assert x > 0, f"x must be positive, got {x}"
    return x

print(check(3))
try:
    check(-1)
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print(repr(e))
assert 1 + 1 == 3, "math is broken"
