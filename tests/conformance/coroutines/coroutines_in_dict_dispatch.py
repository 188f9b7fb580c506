def counter(name):
    count = 0
    while True:
        yield
        count += 1
        print(f"{name}: {count}")

handlers = {"click": counter("click"), "key": counter("key")}
for h in handlers.values():
    next(h)
for event in ["click", "key", "click", "click"]:
    next(handlers[event])
