# list methods: results, in-place effects, index bounds, sort with key and reverse.
a = [3, 1, 2]
a.append(4)
a.extend((5, 6))
a.extend(x * 10 for x in range(2))
a.insert(0, "first")
a.insert(-1, "before-last")
a.insert(100, "end")
a.insert(-100, "start")
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove("first")
print(a, a.index(2), a.index(6, 2), a.index(0, -4, -1), a.count(1), [1, 1.0, True].count(1))
b = a.copy()
b.reverse()
print(b, a is b, b == a[::-1])
words = ["pear", "Fig", "apple", "fig", "Banana"]
words.sort()
print(words)
words.sort(key=str.lower)
print(words)
words.sort(key=len, reverse=True)
print(words)
nums = [5, -3, 2, -8, 0]
nums.sort(key=abs, reverse=True)
print(nums, sorted(nums))
c = [1, 2, 3]
c.clear()
print(c, c.copy())
d = [1, 2]
d.extend(d)
print(d)
e = []
print(e.append(1), e.sort(), e.reverse(), e)


class Loud:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        print("eq", self.n, other)
        return self.n == other


f = [Loud(1), Loud(2), Loud(3)]
print(f.index(2), f.count(3))
f.remove(3)
print(len(f))
