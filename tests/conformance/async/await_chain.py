import asyncio

async def fetch(x):
    print("fetch", x)
    await asyncio.sleep(0.01)
    return x * 2

async def process():
    a = await fetch(1)
    b = await fetch(a)
    return a + b

async def main():
    result = await process()
    print("result", result)

asyncio.run(main())
