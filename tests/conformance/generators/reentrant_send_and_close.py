def gen():
    try:
        me.send(None)
    except ValueError as e:
        print("send:", e)
    try:
        me.close()
    except ValueError as e:
        print("close:", e)
    try:
        me.throw(KeyError("k"))
    except ValueError as e:
        print("throw:", e)
    yield 1

me = gen()
print(next(me))
