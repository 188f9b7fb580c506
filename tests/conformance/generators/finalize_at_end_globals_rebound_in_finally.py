state = "running"

def gen():
    global state
    try:
        yield
    finally:
        state = "finalized"
        print("state is now", state)

g = gen()
next(g)
print(state)
