def grep(pattern):
    print(f"Looking for {pattern!r}")
    while True:
        line = yield
        if pattern in line:
            print(line)

g = grep("python")
g.send("python generators")
