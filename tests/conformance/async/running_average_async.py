import asyncio

async def running_average(values):
    total = 0
    for count, value in enumerate(values, 1):
        await asyncio.sleep(0)
        total += value
        print(f"after {count}: {total / count}")
    return total / len(values)

print(asyncio.run(running_average([10, 20, 30])))
