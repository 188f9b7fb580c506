import asyncio

async def produce(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield_value = i * 10
        print("produced", yield_value)
        await consume(yield_value)

async def consume(value):
    await asyncio.sleep(0)
    print("consumed", value)

asyncio.run(produce(3))
