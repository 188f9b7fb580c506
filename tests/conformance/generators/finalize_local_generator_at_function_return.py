def gen():
    try:
        yield 1
        yield 2
    finally:
        print("local generator finalized")

def use():
    g = gen()
    print("got", next(g))
    print("returning")

use()
print("after call")
