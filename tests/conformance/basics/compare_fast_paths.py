# The evaluator answers int, float and str comparisons inline; they must agree with the slow path.
nan = float("nan")
print(nan == nan, nan != nan, nan < 1.0, nan >= nan, 1.5 < 2.5, -0.0 == 0.0)
print("" in "abc", "" in "", "a" in "", "é" in "café", "\u00e9" in "cafe\u0301", "e" in "café")
print("ab" in "xaby", "x" not in "abc", "é" not in "é", "€" in "a€b")
s = "hello"
t = "".join(["hel", "lo"])
print(s == t, s != t, s is t, s == "hellO", s != "hellO")
word = "\u00e9t\u00e9"
print(word[0], word[-1], word[1], [word[i] for i in range(len(word))])
print("abc"[-1], "abc"[-3], "a" < "b", "b" <= "a", "abc" > "abd")
try:
    "abc"[3]
except IndexError as e:
    print("IndexError", e)
try:
    "abc"[-4]
except IndexError as e:
    print("IndexError", e)
try:
    1 in "abc"
except TypeError as e:
    print("TypeError", e)
x = True and "yes"
y = 0 or [] or "last"
print(x, y, 1 and 0, "" or None)
