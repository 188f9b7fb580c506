def key(item):
    return item["name"]

people = [{"name": "b"}, {"nom": "a"}]
sorted(people, key=key)
