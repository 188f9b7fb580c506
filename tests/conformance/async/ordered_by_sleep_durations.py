import asyncio

async def announce(n):
    await asyncio.sleep(n / 100)
    print("woke", n)

async def main():
    await asyncio.gather(*(announce(n) for n in [3, 1, 4, 2]))

asyncio.run(main())
