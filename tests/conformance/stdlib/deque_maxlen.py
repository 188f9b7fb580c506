from collections import deque

recent = deque(maxlen=3)
for i in range(6):
    recent.append(i)
    print(recent)
print(recent.maxlen)
recent.appendleft(99)
print(recent)
