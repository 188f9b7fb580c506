def gen():
    for i in range(10):
        if i % 2:
            continue
        if i > 6:
            break
        yield i
    else:
        yield "no break"
    yield "end"

print(list(gen()))
