def rng(start, stop=None, step=1):
    if stop is None:
        start, stop = 0, start
    while start < stop:
        yield start
        start += step

print(list(rng(3)), list(rng(2, 5)), list(rng(0, 10, step=4)))
