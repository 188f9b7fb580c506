def gen():
    print("body")
    try:
        yield 1
    finally:
        print("finally")

g = gen()
del g
print("a generator that never started has nothing to finalize")
