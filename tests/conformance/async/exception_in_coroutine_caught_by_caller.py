import asyncio

async def failing():
    await asyncio.sleep(0.01)
    raise ValueError("async failure")

async def main():
    try:
        await failing()
    except ValueError as e:
        print("caught:", e)
    return "recovered"

print(asyncio.run(main()))
