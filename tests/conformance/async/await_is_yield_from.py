class Step:
    def __init__(self, name):
        self.name = name

    def __await__(self):
        reply = yield f"suspend at {self.name}"
        return reply

async def task():
    a = await Step("one")
    b = await Step("two")
    return a + b

c = task()
print(c.send(None))
print(c.send(10))
try:
    c.send(5)
except StopIteration as e:
    print("task returned", e.value)
