import inspect

def not_a_generator():
    return 1

try:
    inspect.getgeneratorlocals(not_a_generator)
except TypeError as e:
    print("TypeError:", e)
try:
    inspect.getgeneratorstate([1, 2])
except AttributeError as e:
    print("AttributeError:", e)
