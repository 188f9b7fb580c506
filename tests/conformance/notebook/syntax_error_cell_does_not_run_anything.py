count = 0
# %%
count += 1
print("never printed")
def broken(:
    pass
# %%
count
