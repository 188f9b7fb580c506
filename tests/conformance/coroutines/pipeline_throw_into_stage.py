def coroutine(func):
    def start(*args, **kwargs):
        cr = func(*args, **kwargs)
        next(cr)
        return cr
    return start

class Flush(Exception):
    pass

@coroutine
def batcher(size):
    batch = []
    while True:
        try:
            batch.append((yield))
            if len(batch) == size:
                print("batch", batch)
                batch = []
        except Flush:
            print("flush", batch)
            batch = []

b = batcher(3)
for i in range(5):
    b.send(i)
b.throw(Flush)
b.send(99)
b.throw(Flush())
