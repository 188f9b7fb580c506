try:
    {k: 1 / k for k in [1, 0]}
except ZeroDivisionError as e:
    print("dict comprehension:", e)
{1 // k for k in [0]}
