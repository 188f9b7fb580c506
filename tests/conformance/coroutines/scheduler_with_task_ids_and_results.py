from collections import deque

class Scheduler:
    def __init__(self):
        self.ready = deque()
        self.results = {}
        self.next_id = 1

    def spawn(self, gen):
        tid = self.next_id
        self.next_id += 1
        self.ready.append((tid, gen))
        return tid

    def run(self):
        while self.ready:
            tid, gen = self.ready.popleft()
            try:
                request = next(gen)
            except StopIteration as e:
                self.results[tid] = e.value
                print(f"task {tid} finished with {e.value!r}")
                continue
            print(f"task {tid} yielded {request!r}")
            self.ready.append((tid, gen))

def worker(name, n):
    total = 0
    for i in range(n):
        total += i
        yield f"{name}:{i}"
    return total

s = Scheduler()
s.spawn(worker("x", 2))
s.spawn(worker("y", 3))
s.run()
print(s.results)
