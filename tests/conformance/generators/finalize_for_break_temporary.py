def gen():
    try:
        for i in range(5):
            yield i
    finally:
        print("generator finalized")

for x in gen():
    print(x)
    if x == 1:
        break
print("after loop")
