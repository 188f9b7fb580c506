import time

def source(n):
    for i in range(n):
        yield i

def square(items):
    for x in items:
        yield x * x

start = time.perf_counter()
result = sum(square(source(10000)))
elapsed = time.perf_counter() - start
rate = 10000 / elapsed if elapsed > 0 else float("inf")
print(result)
print("rate is positive:", rate > 0)
