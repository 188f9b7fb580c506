try:
    {}["k"]
except KeyError:
    vaule = 1
    print(value)
