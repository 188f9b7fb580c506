def coroutine(func):
    def start(*args):
        cr = func(*args)
        next(cr)
        return cr
    return start

@coroutine
def sink():
    while True:
        print("sink:", (yield))
# %%
@coroutine
def upper(target):
    while True:
        target.send((yield).upper())
# %%
pipe = upper(sink())
pipe.send("hello")
# %%
pipe.send("again")
