def make_source():
    g = (i * i for i in range(5))
    def take():
        return next(g, None)
    return take

take = make_source()
print(take(), take(), take())
other = make_source()
print(other(), take())
