def f():
    try:
        return "value"
    finally:
        print("finally before the return completes")

print(f())
for i in range(3):
    try:
        if i == 1:
            break
        print("body", i)
    finally:
        print("finally", i)
