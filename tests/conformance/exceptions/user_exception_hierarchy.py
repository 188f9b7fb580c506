class AppError(Exception):
    pass

class NotFound(AppError):
    pass

class Forbidden(AppError):
    pass

for exc in [NotFound("page"), Forbidden("admin"), ValueError("other")]:
    try:
        raise exc
    except NotFound as e:
        print("not found:", e)
    except AppError as e:
        print("app error:", type(e).__name__, e)
    except Exception as e:
        print("something else:", repr(e))
print(issubclass(NotFound, AppError), issubclass(NotFound, Forbidden))
