import asyncio

async def main():
    await asyncio.sleep(0)
    raise RuntimeError("escaped asyncio.run")

try:
    asyncio.run(main())
except RuntimeError as e:
    print("caught outside:", e)
