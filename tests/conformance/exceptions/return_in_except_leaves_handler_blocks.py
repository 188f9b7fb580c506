# A `return` (or `break`) inside an `except` body leaves the handler's blocks before it runs the
# enclosing `finally` body or `__exit__`: an exception raised there is not caught again by them.
import sys


def sub():
    try:
        yield 1
    except BaseException:
        return 2
    finally:
        print('finally')
        yield 3


g = sub()
print(next(g))
print(g.throw(ValueError))
try:
    g.throw(KeyError)
except KeyError as e:
    print('out', repr(e))


class CM:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        print('exit', args[0])
        raise KeyError('exit')


def f(named):
    try:
        with CM():
            try:
                raise ValueError('v')
            except ValueError as e:
                if named:
                    return 1
            except TypeError:
                return 0
    except KeyError as e:
        print('caught', repr(e), repr(e.__context__), sys.exc_info()[0])
    return 2


print(f(True))
print(sys.exc_info())


def h():
    for i in range(3):
        try:
            try:
                raise ValueError(i)
            except ValueError:
                break
        finally:
            print('finally', i, sys.exc_info()[0])
            raise KeyError(i)


try:
    h()
except KeyError as e:
    print('h', repr(e), repr(e.__context__))
print(sys.exc_info())
