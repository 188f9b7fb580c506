def numbers():
    n = 0
    while True:
        yield n
        n += 1

source = numbers()

def next_id():
    return next(source)

print(next_id(), next_id(), next_id())
