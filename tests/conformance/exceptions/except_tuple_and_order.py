for value in ["1", "x", None, [1]]:
    try:
        print(int(value))
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
try:
    raise KeyError("k")
except LookupError:
    print("LookupError catches KeyError")
except KeyError:
    print("never reached")
