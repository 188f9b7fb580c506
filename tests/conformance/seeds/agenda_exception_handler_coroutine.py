def exception_handler_coroutine():
    print("Coroutine started")
    while True:
        try:
            x = yield
            print(f"Processed: {x}")
        except ValueError as e:
            print(f"Caught ValueError: {e}")

# Usage
coro = exception_handler_coroutine()
next(coro) # Prime
coro.send(5)
coro.throw(ValueError, "Something went wrong") # Inject exception
coro.send(10) # Coroutine continues after handling
coro.close()
