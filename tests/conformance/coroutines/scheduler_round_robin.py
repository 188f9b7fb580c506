from collections import deque

def task(name, steps):
    for i in range(steps):
        print(f"{name} step {i}")
        yield

def run(tasks):
    queue = deque(tasks)
    while queue:
        t = queue.popleft()
        try:
            next(t)
        except StopIteration:
            continue
        queue.append(t)

run([task("A", 3), task("B", 1), task("C", 2)])
