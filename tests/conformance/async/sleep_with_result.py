import asyncio

async def main():
    value = await asyncio.sleep(0.01, result="Hello async!")
    print(value)
    nothing = await asyncio.sleep(0)
    print(nothing)

asyncio.run(main())
