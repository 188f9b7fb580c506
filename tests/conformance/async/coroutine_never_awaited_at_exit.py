async def main():
    return 1

c = main()
print("created a coroutine and never awaited it")
