def parser():
    while True:
        text = yield
        print(int(text))

p = parser()
next(p)
# %%
p.send("12")
# %%
p.send("twelve")
# %%
import inspect
print(inspect.getgeneratorstate(p))
