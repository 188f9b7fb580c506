log = []

def gen():
    try:
        yield 1
    finally:
        log.append("closed")
        print("finally sees log:", log)

g = gen()
next(g)
