try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
raise
