import sys

print("a", "b", "c")
print("a", "b", sep="-")
print("no newline", end="")
print(" <- same line")
print()
print(1, 2.0, None, True, [1], {"k": "v"}, sep=" | ")
print("to stderr", file=sys.stderr)
print("multi\nline")
print("", end="")
print(*range(3), sep="", end="\n\n")
print("done", flush=True)
