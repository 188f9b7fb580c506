x = {"a": [1, 2.5, None], "b": (True, "s")}
x
