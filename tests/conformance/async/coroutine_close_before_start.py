async def work():
    try:
        return 1
    finally:
        print("never printed")

c = work()
c.close()
print("closed", c.cr_frame is None)
