def source():
    for i in range(3):
        print("source", i)
        yield i

def double(it):
    for x in it:
        print("double", x)
        yield x * 2

for v in double(source()):
    print("consumer", v)
