# Deeply nested tuples and frozensets hash, and comparing them as keys raises RecursionError
# instead of overflowing the native stack; shallow ones compare natively.
def nest(n, wrap):
    v = None
    for _ in range(n):
        v = wrap(v)
    return v
def attempt(label, f):
    try:
        print(label, f())
    except RecursionError as e:
        print(label, 'RecursionError', e)
a = nest(100000, lambda v: frozenset([v, 1]))
b = nest(100000, lambda v: frozenset([v, 1]))
attempt('fs eq', lambda: a == b)
c = nest(100000, lambda v: (v, 1))
d = nest(100000, lambda v: (v, 1))
attempt('tuple eq', lambda: c == d)
attempt('dict', lambda: {c: 1}[d])
attempt('set', lambda: d in {c})
attempt('shallow', lambda: nest(20, lambda v: (v, 1)) == nest(20, lambda v: (v, 1)))
attempt('shallow dict', lambda: {nest(40, lambda v: (v, 1)): 5}[nest(40, lambda v: (v, 1))])
