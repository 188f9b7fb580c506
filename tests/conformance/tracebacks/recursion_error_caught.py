def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n

print(depth(0) > 900)
try:
    depth_limit = (lambda f: f(f))(lambda f: f(f))
except RecursionError as e:
    print(type(e).__name__, e)
