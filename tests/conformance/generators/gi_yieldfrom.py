def inner():
    yield "a"
    yield "b"

def outer():
    yield "start"
    yield from sub
    yield "end"

sub = inner()
g = outer()
print(g.gi_yieldfrom)
next(g)
print(g.gi_yieldfrom)
next(g)
print(g.gi_yieldfrom is sub)
next(g)
next(g)
print(g.gi_yieldfrom)
