def a():
    try:
        b()
    finally:
        print("a cleanup")

def b():
    try:
        raise OSError("disk gone")
    finally:
        print("b cleanup")

try:
    a()
except OSError as e:
    print("caught", e)
