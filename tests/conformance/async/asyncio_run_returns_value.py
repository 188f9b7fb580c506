import asyncio

async def compute():
    await asyncio.sleep(0.01)
    return 6 * 7

print(asyncio.run(compute()))
