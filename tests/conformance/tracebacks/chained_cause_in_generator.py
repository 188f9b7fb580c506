def reader():
    data = {"a": 1}
    while True:
        key = yield
        try:
            print(data[key])
        except KeyError as e:
            raise LookupError(f"no key {key!r}") from e

r = reader()
next(r)
r.send("a")
r.send("b")
