import sys
print("to stdout")
print("to stderr", file=sys.stderr)
sys.stdout.write("more stdout\n")
"the result"
