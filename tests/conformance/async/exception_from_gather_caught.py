import asyncio

async def ok():
    await asyncio.sleep(0.01)
    return "ok"

async def bad():
    await asyncio.sleep(0.02)
    raise KeyError("missing")

async def main():
    try:
        await asyncio.gather(ok(), bad())
    except KeyError as e:
        print("gather raised", repr(e))

asyncio.run(main())
