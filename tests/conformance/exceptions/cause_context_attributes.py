try:
    try:
        1 / 0
    except ZeroDivisionError as inner:
        raise ValueError("outer") from inner
except ValueError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("implicit")
except ValueError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("hidden") from None
except ValueError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
