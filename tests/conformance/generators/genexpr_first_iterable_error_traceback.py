values = None
g = (v * 2 for v in values)
