import time

before = time.perf_counter()
result = time.sleep(0.01)
after = time.perf_counter()
print(result)
print(after - before >= 0.009)
