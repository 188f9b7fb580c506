import asyncio

async def async_echo():
    while True:
        value = await asyncio.sleep(1, result="Hello async!")
        print(value)

# async_echo never ends by itself, so this variant runs it as a task for 1.5 seconds
# (one echo, after 1 second) and then cancels it.
async def main():
    task = asyncio.create_task(async_echo())
    await asyncio.sleep(1.5)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("async_echo cancelled")

asyncio.run(main())
