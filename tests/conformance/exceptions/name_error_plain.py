try:
    undefined_thing
except NameError as e:
    print(e)
print(something_else_entirely)
