# Structures nested far deeper than the recursion limit: freeing them works, and repr,
# comparison and isinstance raise RecursionError instead of overflowing the native stack.
def nest(n, wrap):
    v = None
    for _ in range(n):
        v = wrap(v)
    return v


for wrap in (lambda v: [v], lambda v: (v, 1), lambda v: {'k': v}, lambda v: frozenset([v, 1])):
    x = nest(200000, wrap)
    del x
print('freed')


def attempt(label, f):
    try:
        f()
    except RecursionError as e:
        print(label, 'RecursionError', e)


a = nest(100000, lambda v: [v])
b = nest(100000, lambda v: [v])
attempt('repr', lambda: repr(a))
attempt('str', lambda: str(a))
attempt('eq', lambda: a == b)
attempt('lt', lambda: a < b)
t = int
for _ in range(100000):
    t = (t,)
attempt('isinstance', lambda: isinstance(1, t))
attempt('issubclass', lambda: issubclass(int, t))
print(repr(nest(50, lambda v: [v])))
print(nest(50, lambda v: (v,)) == nest(50, lambda v: (v,)))
