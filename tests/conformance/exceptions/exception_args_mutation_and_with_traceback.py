e = ValueError("a")
e.args = ("changed",)
print(e)
try:
    raise e
except ValueError as caught:
    print(caught is e, caught.__traceback__ is not None)
