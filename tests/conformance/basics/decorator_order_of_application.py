def tag(label):
    print("making decorator", label)
    def decorator(func):
        print("applying", label)
        def wrapper():
            return f"<{label}>{func()}</{label}>"
        return wrapper
    return decorator

@tag("b")
@tag("i")
def text():
    return "hi"

print(text())
