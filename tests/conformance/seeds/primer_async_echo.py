import asyncio

async def async_echo():
    while True:
        value = await asyncio.sleep(1, result="Hello async!")
        print(value)

# asyncio.run(async_echo())
