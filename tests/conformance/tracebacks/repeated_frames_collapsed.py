def deep(n):
    if n == 0:
        raise ValueError("bottom reached")
    return deep(n - 1)

deep(20)
