"""Type hints: the names exist so annotated programs run; they check nothing."""


class _Special:
    def __init__(self, name):
        self._name = name

    def __getitem__(self, params):
        return self

    def __call__(self, *args, **kwargs):
        raise TypeError(f"Cannot instantiate typing.{self._name}")

    def __repr__(self):
        return 'typing.' + self._name


Any = _Special('Any')
Optional = _Special('Optional')
Union = _Special('Union')
List = _Special('List')
Dict = _Special('Dict')
Set = _Special('Set')
Tuple = _Special('Tuple')
Callable = _Special('Callable')
Iterable = _Special('Iterable')
Iterator = _Special('Iterator')
Generator = _Special('Generator')
Coroutine = _Special('Coroutine')
Awaitable = _Special('Awaitable')
AsyncIterator = _Special('AsyncIterator')
Sequence = _Special('Sequence')
Mapping = _Special('Mapping')
Type = _Special('Type')
NoReturn = _Special('NoReturn')


def TypeVar(name, *constraints, **kwargs):
    return _Special(name)


def cast(typ, val):
    return val
