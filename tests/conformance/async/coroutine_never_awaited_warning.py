async def forgotten():
    return 1

c = forgotten()
del c
print("after del")
