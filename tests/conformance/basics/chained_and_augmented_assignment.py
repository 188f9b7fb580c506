a = b = c = []
a.append(1)
print(a, b, c, a is c)
x = y = 5
x += 1
print(x, y)
n = 10
n -= 3; n *= 2; n //= 3; n **= 2; n %= 7
print(n)
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1]
alias = lst
lst += [2]
print(alias)
t = (1,)
alias_t = t
t += (2,)
print(alias_t, t)
bits = 0b1100
bits |= 1; bits &= 0b1101; bits ^= 0b1000; bits <<= 2; bits >>= 1
print(bits)
