def flatten():
    yield from [1, 2]
    yield from (3, 4)
    yield from range(5, 7)
    yield from "ab"
    yield from {"k": 1, "j": 2}

print(list(flatten()))
