x = 1
# %%
# %%
# only a comment here
# %%
x + 1
