pairs = [
    (ZeroDivisionError, ArithmeticError),
    (KeyError, LookupError),
    (IndexError, LookupError),
    (UnboundLocalError, NameError),
    (StopIteration, Exception),
    (GeneratorExit, Exception),
    (KeyboardInterrupt, Exception),
    (RecursionError, RuntimeError),
    (NotImplementedError, RuntimeError),
    (TypeError, Exception),
    (Exception, BaseException),
]
for sub, sup in pairs:
    print(sub.__name__, sup.__name__, issubclass(sub, sup))
