def printer():
    print("primed")
    while True:
        line = yield
        print("line:", line)

p = printer()
next(p)
p.send("one")
p.send("two")
