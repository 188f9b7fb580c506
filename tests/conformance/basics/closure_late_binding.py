funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])

def make_adders():
    adders = []
    for n in range(3):
        def add(x):
            return x + n
        adders.append(add)
    return adders

print([a(10) for a in make_adders()])
