class AppError(Exception):
    pass

e = AppError("code", 42)
print(e.args)
print(str(e))
print(repr(e))
print(str(AppError()), repr(AppError()))
print(str(AppError("one")), repr(AppError("one")))
