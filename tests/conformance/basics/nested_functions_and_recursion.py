def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print([fib(i) for i in range(15)])

def outer(n):
    def helper(k):
        return k * n
    return [helper(i) for i in range(3)]

print(outer(5))
