import asyncio

async def child():
    print("child starts")
    return "child result"

async def main():
    task = asyncio.create_task(child())
    print("task created, child not started yet")
    await asyncio.sleep(0)
    print("after one yield to the loop")
    print(await task)
    print(task.done(), task.result())

asyncio.run(main())
