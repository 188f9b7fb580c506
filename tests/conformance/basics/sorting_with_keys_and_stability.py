people = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
people.sort(key=lambda p: p[0], reverse=True)
print(people)
print(sorted([3, -1, 2], key=abs), sorted(["b", "A", "c"], key=str.lower))
