async def greet():
    print("never runs")
    return "hi"

c = greet()
print(type(c).__name__)
print(c.__name__, c.__qualname__)
print(repr(c))
c.close()
print("closed without running")
