# Every exception of a chain has its carets; collapsed repeats keep the first three frames.
def parse(text):
    return int(text) + 0

def load(text):
    try:
        return parse(text)
    except ValueError as e:
        raise RuntimeError("cannot load " + text) from e

x = load("abc")
# %%
def handler():
    try:
        return {}["k"]
    except KeyError:
        return None + 1

handler()
# %%
def depth(n):
    return depth(n - 1) + 1

depth(5)
