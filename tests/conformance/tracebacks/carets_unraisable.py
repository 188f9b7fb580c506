# "Exception ignored in" reports show the frames of the error with their carets.
def stubborn():
    try:
        yield 1
    finally:
        raise ValueError("cleanup failed")

g = stubborn()
next(g)
del g
print("after")
# %%
def cleanup_with_math():
    try:
        yield 1
    finally:
        x = [1][3]

h = cleanup_with_math()
next(h)
h = None
print("done")
