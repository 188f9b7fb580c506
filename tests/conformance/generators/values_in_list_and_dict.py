def counter(name):
    n = 0
    while True:
        n += 1
        yield f"{name}{n}"

gens = [counter("a"), counter("b")]
table = {"x": counter("x")}
print(next(gens[0]), next(gens[1]), next(gens[0]))
print(next(table["x"]), next(table["x"]))
gens.append(table.pop("x"))
print([next(g) for g in gens])
