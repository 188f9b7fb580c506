parts = []
for i in range(3):
    parts.append(str(i))
print(",".join(parts))
try:
    ",".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
print("a" + str(1), f"a{1}", "a%d" % 1)
