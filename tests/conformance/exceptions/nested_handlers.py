def level(n):
    try:
        if n == 0:
            raise ValueError("bottom")
        level(n - 1)
    except KeyError:
        print("never")
    finally:
        print("unwinding", n)

try:
    level(2)
except ValueError as e:
    print("caught", e)
