def greeter():
    print("greeter started")
    while True:
        name = yield
        print(f"hello {name}")

g = greeter()
print("created in cell 1")
# %%
next(g)
# %%
g.send("ada")
g.send("grace")
