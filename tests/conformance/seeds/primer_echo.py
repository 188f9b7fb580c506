def echo():
    while True:
        value = yield
        print(f"Echo: {value}")

g = echo()
next(g)         # Prime the coroutine

g.send("Hello") # Echo: Hello
g.send("World") # Echo: World
