print("compiled with a warning")
points = [(1, 2) (3, 4)]
