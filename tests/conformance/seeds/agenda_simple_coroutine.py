def simple_coroutine():
    print("Coroutine started")
    x = yield # Receives value sent via .send()
    print(f"Coroutine received: {x}")

# Usage
my_coro = simple_coroutine()
next(my_coro) # Prime the coroutine (runs up to the first yield)
my_coro.send(100) # Sends 100 to the yield expression
