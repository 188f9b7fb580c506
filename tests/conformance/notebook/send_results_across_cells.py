def running_total():
    total = 0
    while True:
        total += yield total

acc = running_total()
next(acc)
# %%
acc.send(5)
# %%
acc.send(10)
# %%
acc.send(-3)
