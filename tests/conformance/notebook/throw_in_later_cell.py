def worker():
    while True:
        try:
            job = yield
            print("working on", job)
        except ValueError as e:
            print("skipping bad job:", e)

w = worker()
next(w)
w.send("job 1")
# %%
w.throw(ValueError("job 2 is malformed"))
# %%
w.send("job 3")
# %%
w.throw(KeyError("unhandled"))
# %%
import inspect
inspect.getgeneratorstate(w)
