def coroutine(func):
    def start(*args, **kwargs):
        cr = func(*args, **kwargs)
        next(cr)
        return cr
    return start

@coroutine
def stage(name, target=None):
    try:
        while True:
            item = yield
            print(f"{name} got {item}")
            if target is not None:
                target.send(item)
    except GeneratorExit:
        print(f"{name} closing")
        if target is not None:
            target.close()

head = stage("A", stage("B", stage("C")))
head.send(1)
head.close()
