class Counter:
    instances = 0

    def __init__(self):
        Counter.instances += 1
        self.id = Counter.instances

a = Counter()
b = Counter()
print(a.id, b.id, Counter.instances, a.instances)
a.instances = 100
print(a.instances, b.instances, Counter.instances)
print(hasattr(a, "id"), getattr(a, "missing", "default"))
setattr(a, "label", "first")
print(a.label, hasattr(b, "label"))
