class Stream:
    def __init__(self, items):
        self.source = iter(items)
        self.gen = self._run()

    def _run(self):
        for item in self.source:
            yield item.upper()

s = Stream(["a", "b"])
print(next(s.gen))
print(list(s.gen))
