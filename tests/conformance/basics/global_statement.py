total = 0

def add(n):
    global total
    total += n

def read():
    return total

add(5)
add(7)
print(total, read())

def shadow():
    total = "local"
    return total

print(shadow(), total)
