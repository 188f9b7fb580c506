def gen():
    try:
        yield 1
    except Exception:
        print("never: GeneratorExit is not an Exception")
    finally:
        print("finally")

print(issubclass(GeneratorExit, Exception), issubclass(GeneratorExit, BaseException))
g = gen()
next(g)
g.close()
