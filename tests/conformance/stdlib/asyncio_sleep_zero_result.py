import asyncio

async def main():
    results = []
    for i in range(3):
        results.append(await asyncio.sleep(0, result=i))
    return results

print(asyncio.run(main()))
