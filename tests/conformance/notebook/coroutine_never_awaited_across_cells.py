import asyncio

async def fetch():
    await asyncio.sleep(0)
    return "data"

pending = fetch()
type(pending).__name__
# %%
asyncio.run(pending)
# %%
forgotten = fetch()
print("this one is never awaited")
