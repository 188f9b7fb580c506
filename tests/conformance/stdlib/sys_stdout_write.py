import sys

n = sys.stdout.write("written directly\n")
print(n)
sys.stdout.write("no newline")
sys.stdout.write(" then newline\n")
print("after", end="!\n")
