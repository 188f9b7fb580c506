def closing_coroutine():
    print("Coroutine started")
    try:
        while True:
            x = yield
            print(f"Received: {x}")
    finally:
        print("Coroutine closing")

# Usage
coro = closing_coroutine()
next(coro) # Prime
coro.send(10)
coro.close() # Triggers GeneratorExit
