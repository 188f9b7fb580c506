def show(*args, **kwargs):
    print(args, kwargs)

show()
show(1, 2, a=3)
show(*[1, 2], **{"b": 4})
show(*"ab", *(3,), x=1, **{"y": 2})

def combine(a, b=2, *rest, c, d=4, **extra):
    return a, b, rest, c, d, extra

print(combine(1, c=3))
print(combine(1, 5, 6, 7, c=3, e=9))
