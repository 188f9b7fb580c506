d = {"a": 1}
try:
    d["b"]
except KeyError as e:
    print("KeyError:", e)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
