# The format-spec mini-language on ints, bools, floats and strings: fill, alignment, sign,
# z, #, 0, width, grouping, precision and every presentation type.
ints = [0, 7, -42, 255, 1234567, -1234567, 10**20, True]
specs = ["", "d", "5", "<6", "^7", "=+8", "+", " ", "010,", "_", ",", "b", "#b", "o", "#o", "x",
         "#X", "#_x", "#012_x", "c", "n", "e", ".2f", "%", "g", "08_", "*^9", "-", ">+10,"]
for n in ints:
    row = []
    for spec in specs:
        if spec == "c" and (n < 0 or n > 0x10FFFF):
            continue
        row.append(format(n, spec))
    print(repr(n), row)
floats = [0.0, -0.0, 1.5, -2.25, 3.14159, 1234567.891, 1e-7, 1e16, 2.5e300, float("inf"),
          float("-inf"), float("nan"), 0.1 + 0.2, 123.0, 100.0]
specs = ["", ".3", "f", ".0f", "#.0f", "e", ".2e", "E", "g", ".3g", "#g", "G", "%", ".1%", "n",
         ",.2f", "015,.2f", "_g", "+", " .2f", "z", "z.1f", "=^12.3f", "010", "<12", "#", ".0"]
for x in floats:
    print(repr(x), [format(x, spec) for spec in specs])
for s in ["abc", "é", ""]:
    print([format(s, spec) for spec in ["", "5", "<5", ">5", "^6", "*^7", ".1", "^7.2", "s", "05", "x<4"]])
print(format(1234, "010,"), format(-0.0001, "z.2f"), format(0.5, "#.0%"), format(1.0, "#"))
print(f"{3.14159:>10.2f}|{42:^+9d}|{'x':*>4}|{1e-5:#}|{255:#010b}")
