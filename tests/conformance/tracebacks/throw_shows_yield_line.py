def worker():
    while True:
        item = yield
        print("processing", item)

w = worker()
next(w)
w.send("a")
w.throw(KeyError("bad item"))
