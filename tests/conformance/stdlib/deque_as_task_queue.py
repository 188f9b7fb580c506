from collections import deque

def task(name, n):
    for i in range(n):
        yield f"{name}{i}"

queue = deque([task("a", 2), task("b", 3)])
order = []
while queue:
    t = queue.popleft()
    for step in t:
        order.append(step)
        queue.append(t)
        break
print(order)
