import asyncio

async def work():
    await asyncio.sleep(0)

c = work()
print(c.cr_running, c.cr_frame is not None, c.cr_code.co_name, c.cr_await)
asyncio.run(c)
print(c.cr_frame is None)
