import asyncio

def sync_gen():
    for i in range(3):
        yield i

async def async_consumer():
    for value in sync_gen():
        await asyncio.sleep(0.5)
        print(f"Async received: {value}")

asyncio.run(async_consumer())
