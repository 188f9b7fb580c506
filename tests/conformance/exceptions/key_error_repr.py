d = {"a": 1}
try:
    d["missing"]
except KeyError as e:
    print(repr(e), str(e), e.args)
d[("t", 1)]
