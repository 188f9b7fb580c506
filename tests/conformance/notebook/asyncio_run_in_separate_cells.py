import asyncio

async def fetch(n):
    await asyncio.sleep(0.01)
    return n * 2
# %%
asyncio.run(fetch(21))
# %%
async def main():
    return await asyncio.gather(fetch(1), fetch(2))

asyncio.run(main())
