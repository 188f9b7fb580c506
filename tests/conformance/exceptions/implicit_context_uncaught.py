try:
    {}["key"]
except KeyError:
    print(undefined_name)
