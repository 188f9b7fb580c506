def countdown(n):
    while n:
        yield n
        n -= 1

g = countdown(3)
print(g.gi_code.co_name)
print(g.gi_code is countdown.__code__)
