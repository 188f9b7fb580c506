def loud(value):
    print("evaluated", value)
    return value

print(loud(0) and loud(1))
print(loud(1) and loud(2))
print(loud(0) or loud(""))
print(loud("x") or loud("y"))
print(not 0, not "a", None or "default", [] or {} or 0)
