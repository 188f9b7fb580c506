def running_average():
    total = 0
    count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            break
        total += value
        count += 1
        avg = total / count

avg_coro = running_average()
print(next(avg_coro))    # None
print(avg_coro.send(10)) # 10.0
print(avg_coro.send(20)) # 15.0
print(avg_coro.send(30)) # 20.0
avg_coro.close()
