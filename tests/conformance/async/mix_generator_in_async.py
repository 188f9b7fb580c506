import asyncio

def numbers(n):
    for i in range(n):
        yield i

async def consumer():
    total = 0
    for value in numbers(3):
        await asyncio.sleep(0.01)
        print(f"Async received: {value}")
        total += value
    return total

print(asyncio.run(consumer()))
