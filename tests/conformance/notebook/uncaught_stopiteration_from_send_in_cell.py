def one_shot():
    x = yield
    print("received", x)

s = one_shot()
next(s)
# %%
s.send("payload")
# %%
print("session continues")
