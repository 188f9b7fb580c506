import asyncio

async def count(n):
    await asyncio.sleep(0)
    return n + 1

print(asyncio.run(count(1)))
print(asyncio.run(count(2)))
