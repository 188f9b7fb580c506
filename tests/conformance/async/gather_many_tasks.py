import asyncio

async def square(x):
    await asyncio.sleep(0)
    return x * x

async def main():
    tasks = [asyncio.create_task(square(i)) for i in range(6)]
    print(await asyncio.gather(*tasks))
    print(sum(t.result() for t in tasks))

asyncio.run(main())
