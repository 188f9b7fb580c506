import time

start = time.perf_counter()
total = sum(range(10000))
elapsed = time.perf_counter() - start
print(total)
print(type(start).__name__, elapsed >= 0, elapsed < 5)
