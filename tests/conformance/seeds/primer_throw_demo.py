def demo():
    try:
        yield "Start"
        yield "Middle"
    except ValueError:
        yield "Caught ValueError!"
    yield "End"

g = demo()
print(next(g))         # Start
print(next(g))         # Middle
print(g.throw(ValueError))  # Caught ValueError!
print(next(g))         # End
