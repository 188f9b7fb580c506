s = slice(1, 5, 2)
print(s, s.start, s.stop, s.step, slice(3))
print("abcdefg"[s], [0, 1, 2, 3, 4, 5][s])
print(s.indices(3), slice(None, None, -1).indices(4))
