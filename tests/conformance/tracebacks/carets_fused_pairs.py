# Errors in either half of a pair of instructions the VM runs as one (local loads and stores,
# an attribute of a local, a comparison and its jump) point at that half's own position.
def first_half(a):
    total = later + a
    later = 1

first_half(1)
# %%
def second_half(a):
    total = a + later
    later = 1

second_half(1)
# %%
def store_then_load():
    x = 1
    return later + x
    later = 2

store_then_load()
# %%
def attribute_of_local(w):
    return (w
            .missing)

attribute_of_local(5)
# %%
def compare_fails(a, b):
    if a < b:
        return 1

compare_fails(1, "a")
# %%
class Falsy:
    def __eq__(self, other):
        return self

    def __bool__(self):
        raise ValueError("no truth")

def truth_fails(a, b):
    if (a ==
            b):
        return 1

truth_fails(Falsy(), Falsy())
# %%
def loop_compare(n):
    i = 0
    while i < n:
        i = i + 1
    return i

loop_compare("x")
