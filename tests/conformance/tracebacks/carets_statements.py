# Where each statement's instructions point.
for item in 5:
    pass
# %%
first, second = 1
# %%
first, second = [1, 2, 3]
# %%
value = 2
assert value == 1
# %%
assert value == 1, "value must be one"
# %%
assert not value
# %%
assert value and value < 1
# %%
text = "a"
text += 1
# %%
x = 1 < "a"
# %%
del undefined_name
# %%
x = undefined_name
# %%
import no_such_module
# %%
from time import no_such_name
# %%
with 5:
    pass
# %%
class Exits:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        raise RuntimeError("exit failed")

with Exits():
    pass
# %%
class Base:
    def __init_subclass__(cls):
        raise TypeError("no subclasses")

class Broken(Base):
    pass
# %%
class Body:
    x = 1
    y = x + "a"
# %%
def bad_decorator(f):
    raise TypeError("not today")

@bad_decorator
def decorated():
    pass
# %%
class Falsy:
    def __bool__(self):
        raise ValueError("no truth")

if Falsy():
    pass
# %%
if Falsy() == Falsy():
    pass
# %%
while Falsy():
    pass
# %%
x = Falsy() and 1
# %%
x = not Falsy()
# %%
x = 1 if Falsy() else 2
# %%
raise ValueError("raised") from KeyError("cause")
# %%
def returns():
    with Exits():
        return 1

returns()
# %%
x = f"{'text':d}"
