def simple_generator(n):
    i = 0
    while i < n:
        yield i
        i += 1

# Using the generator
gen = simple_generator(3)
print(next(gen)) # Output: 0
print(next(gen)) # Output: 1
# Using in a loop
for value in simple_generator(3):
   print(value)
