# A running generator's frame is visible from inside it: its locals and its current line.
import inspect


def gen():
    x = 1
    print(sorted(inspect.getgeneratorlocals(g)))
    print(g.gi_frame is None, g.gi_frame.f_lineno, sorted(g.gi_frame.f_locals))
    yield x


g = gen()
print(next(g))
print(sorted(inspect.getgeneratorlocals(g)), g.gi_frame.f_lineno)
