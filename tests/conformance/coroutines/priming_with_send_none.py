def printer():
    while True:
        line = yield
        print("line:", line)

p = printer()
p.send(None)
p.send("hello")
