def worker(name):
    for i in range(2):
        yield f"{name}-{i}"

def spawner():
    for name in "xy":
        yield worker(name)

pool = list(spawner())
# %%
[next(w) for w in pool]
# %%
[next(w) for w in pool]
# %%
[next(w, "done") for w in pool]
