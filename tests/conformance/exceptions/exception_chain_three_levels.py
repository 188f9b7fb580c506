try:
    try:
        try:
            raise ValueError("one")
        except ValueError as e:
            raise KeyError("two") from e
    except KeyError:
        raise TypeError("three")
except TypeError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(repr(cur))
        cur = cur.__cause__ or cur.__context__
    print(" <- ".join(chain))
