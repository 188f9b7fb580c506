import asyncio

async def say(text, delay):
    await asyncio.sleep(delay)
    print(text)

async def main():
    t1 = asyncio.create_task(say("world", 0.04))
    t2 = asyncio.create_task(say("hello", 0.01))
    print("tasks created")
    await t1
    await t2
    print("both done")

asyncio.run(main())
