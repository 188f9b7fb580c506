from collections import deque

d = deque()
try:
    d.pop()
except IndexError as e:
    print("IndexError:", e)
d.popleft()
