try:
    try:
        raise ValueError("first")
    finally:
        raise KeyError("second")
except KeyError as e:
    print(repr(e), repr(e.__context__))
try:
    raise ValueError("first")
finally:
    raise KeyError("second")
