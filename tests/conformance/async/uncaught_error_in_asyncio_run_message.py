import asyncio

async def main():
    raise ValueError("inside main")

try:
    asyncio.run(main())
except ValueError as e:
    print(type(e).__name__, e)
    print("traceback has frames:", e.__traceback__ is not None)
