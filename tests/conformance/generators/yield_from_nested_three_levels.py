def level3():
    yield "c1"
    return "from 3"

def level2():
    r = yield from level3()
    yield "b:" + r
    return "from 2"

def level1():
    r = yield from level2()
    yield "a:" + r

for v in level1():
    print(v)
