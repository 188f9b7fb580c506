from collections import deque

def sleeper(name, ticks):
    for i in range(3):
        print(f"tick {clock[0]}: {name} runs ({i})")
        yield ticks

clock = [0]
waiting = []
ready = deque([sleeper("fast", 1), sleeper("slow", 3)])
while ready or waiting:
    while ready:
        t = ready.popleft()
        try:
            delay = next(t)
        except StopIteration:
            continue
        waiting.append((clock[0] + delay, len(waiting), t))
    if waiting:
        waiting.sort(key=lambda item: (item[0], item[1]))
        wake, _, t = waiting.pop(0)
        clock[0] = wake
        ready.append(t)
print("all done at tick", clock[0])
