def coroutine(func):
    def start(*args, **kwargs):
        cr = func(*args, **kwargs)
        next(cr)
        return cr
    return start

@coroutine
def router(routes, default):
    while True:
        item = yield
        for predicate, target in routes:
            if predicate(item):
                target.send(item)
                break
        else:
            default.send(item)

@coroutine
def sink(name, store):
    while True:
        store.setdefault(name, []).append((yield))

store = {}
r = router(
    [(lambda x: isinstance(x, int), sink("ints", store)),
     (lambda x: isinstance(x, str), sink("strs", store))],
    sink("other", store),
)
for item in [1, "a", 2.5, 3, "b", None]:
    r.send(item)
print(store)
