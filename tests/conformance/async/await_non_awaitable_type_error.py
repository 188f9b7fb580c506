import asyncio

async def main():
    try:
        await 5
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
