import asyncio

async def boom():
    raise ZeroDivisionError("task failed")

async def main():
    task = asyncio.create_task(boom())
    await asyncio.sleep(0)
    print("done:", task.done())
    try:
        await task
    except ZeroDivisionError as e:
        print("awaited error:", e)

asyncio.run(main())
