# str.format's parse and lookup errors, in CPython's words and types.
def show(fmt, *args, **kwargs):
    try:
        print(repr(fmt.format(*args, **kwargs)))
    except Exception as e:
        print(repr(fmt), type(e).__name__ + ":", e)


show("{")
show("}")
show("a{0")
show("{0!")
show("{0!}")
show("{0!x}", 1)
show("{0!}}", 1)
show("{0!rr}", 1)
show("{0!r", 1)
show("{0:", 1)
show("{0[}", [1])
show("{0[0]x}", [1])
show("{0.}", 1)
show("{0..a}", 1)
show("{}{0}", 1)
show("{0}{}", 1)
show("{2}", 1)
show("{}{}", 1)
show("{a}", 1)
show("{0.nope}", 3)
show("{0[5]}", [1])
show("{:{:{}}}", 1, 2, 3)
show("{a{}", 1)
show("{:d}", "a")
show("{:x}", 1.5)
show("{ 0}", 1)
show("{0]}", 1)
try:
    "{0}".format_map({"x": 1})
except ValueError as e:
    print(e)
try:
    "{x}".format_map({})
except KeyError as e:
    print("KeyError", e)
"{}{}".format(1)
