def grep(pattern):
    print(f"Looking for {pattern!r}")
    try:
        while True:
            line = yield
            if pattern in line:
                print("match:", line)
    except GeneratorExit:
        print("Going away. Goodbye")

g = grep("python")
next(g)
g.send("Yeah, but no, but yeah, but no")
g.send("A series of tubes")
g.send("python generators rock!")
g.close()
