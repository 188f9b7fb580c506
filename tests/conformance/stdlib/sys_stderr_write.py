import sys

sys.stderr.write("error text\n")
print("normal text")
print("also error", file=sys.stderr)
sys.stdout.write("out\n")
