def session():
    try:
        while True:
            msg = yield
            print("got", msg)
    finally:
        print("session cleanup")

s = session()
next(s)
# %%
s.send("hi")
# %%
s.close()
# %%
s.send("too late")
