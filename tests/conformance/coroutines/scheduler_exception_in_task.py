from collections import deque

def good():
    for i in range(3):
        yield f"good {i}"

def bad():
    yield "bad 0"
    raise ValueError("task failed")

queue = deque([good(), bad()])
while queue:
    t = queue.popleft()
    try:
        print(next(t))
    except StopIteration:
        continue
    except ValueError as e:
        print(f"{t.__name__} crashed: {e}")
        continue
    queue.append(t)
