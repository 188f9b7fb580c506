print(sorted((x % 3 for x in range(7)), reverse=True))
print(dict((k, len(k)) for k in ["aa", "b"]))
print(tuple(x for x in "hey"))
print(set(x % 2 for x in range(5)))
