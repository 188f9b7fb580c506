def stubborn():
    while True:
        try:
            yield "working"
        except GeneratorExit:
            print("ignoring close")

g = stubborn()
next(g)
g.close()
