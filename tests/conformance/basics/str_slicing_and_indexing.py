s = "generator"
print(s[0], s[-1], s[2:5], s[:3], s[3:], s[::2], s[::-1], s[-3:], s[100:], s[1:-1])
print(s[5:2], s[-100:3], len(s))
for i, ch in enumerate("abc"):
    print(i, ch)
print("n" in s, "gen" in s, "xyz" not in s)
try:
    s[0] = "G"
except TypeError as e:
    print("TypeError:", e)
