for i in range(5):
    if i == 3:
        break
else:
    print("not printed")
for i in range(2):
    pass
else:
    print("for else runs when no break")
n = 0
while n < 3:
    n += 1
else:
    print("while else", n)
x = 7
kind = "big" if x > 5 else "small"
print(kind)
if x < 0:
    print("negative")
elif x == 0:
    print("zero")
else:
    print("positive")
while True:
    n -= 1
    if n == 1:
        continue
    if n < 0:
        break
    print("n", n)
