big = 10 ** 5000
print(len(str(10 ** 4000)))
try:
    str(big)
except ValueError as e:
    print("ValueError:", e)
