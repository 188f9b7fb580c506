def coroutine(func):
    def start(*args, **kwargs):
        cr = func(*args, **kwargs)
        next(cr)
        return cr
    return start

def source(lines, target):
    for line in lines:
        target.send(line)
    target.close()

@coroutine
def grep(pattern, target):
    try:
        while True:
            line = yield
            if pattern in line:
                target.send(line)
    finally:
        target.close()

@coroutine
def printer():
    try:
        while True:
            line = yield
            print(line)
    finally:
        print("printer closed")

source(["a python", "b java", "c python"], grep("python", printer()))
