"""Container datatypes: deque (native), defaultdict, Counter, namedtuple, OrderedDict.

Coro cannot subclass the builtin dict, so defaultdict, Counter and OrderedDict here are
classes that wrap one; they print and behave like CPython's for the common operations.
"""

from _collections import deque


class defaultdict:
    def __init__(self, default_factory=None, *args, **kwargs):
        self.default_factory = default_factory
        self._data = dict(*args, **kwargs)

    def __getitem__(self, key):
        if key in self._data:
            return self._data[key]
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._data[key] = value
        return value

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def __contains__(self, key):
        return key in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def __eq__(self, other):
        if isinstance(other, defaultdict):
            return self._data == other._data
        return self._data == other

    def get(self, key, default=None):
        return self._data.get(key, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def pop(self, key, *default):
        return self._data.pop(key, *default)

    def setdefault(self, key, default=None):
        return self._data.setdefault(key, default)

    def update(self, *args, **kwargs):
        self._data.update(*args, **kwargs)

    def __repr__(self):
        if self.default_factory is None:
            factory = 'None'
        else:
            factory = repr(self.default_factory)
        return f"defaultdict({factory}, {self._data!r})"


class Counter:
    def __init__(self, iterable=None, /, **kwds):
        self._data = {}
        self.update(iterable, **kwds)

    def __getitem__(self, key):
        return self._data.get(key, 0)

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        if key in self._data:
            del self._data[key]

    def __contains__(self, key):
        return key in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def __eq__(self, other):
        if isinstance(other, Counter):
            return self._data == other._data
        return NotImplemented

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        return self._data.get(key, default)

    def total(self):
        return sum(self._data.values())

    def update(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, (dict, Counter)):
                for elem, count in iterable.items():
                    self._data[elem] = count + self._data.get(elem, 0)
            else:
                for elem in iterable:
                    self._data[elem] = self._data.get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def most_common(self, n=None):
        items = sorted(self._data.items(), key=lambda kv: kv[1], reverse=True)
        if n is None:
            return items
        return items[:n]

    def elements(self):
        for elem, count in self._data.items():
            for _ in range(count):
                yield elem

    def __repr__(self):
        if not self._data:
            return f'{self.__class__.__name__}()'
        items = ', '.join(f'{k!r}: {v!r}' for k, v in self.most_common())
        return f'{self.__class__.__name__}({{{items}}})'


class OrderedDict(defaultdict):
    def __init__(self, *args, **kwargs):
        defaultdict.__init__(self, None, *args, **kwargs)

    def __repr__(self):
        if not self._data:
            return 'OrderedDict()'
        return f'OrderedDict({list(self._data.items())!r})'

    def move_to_end(self, key, last=True):
        value = self._data.pop(key)
        if last:
            self._data[key] = value
        else:
            self._data = {key: value, **self._data}

    def popitem(self, last=True):
        if not self._data:
            raise KeyError('dictionary is empty')
        key = next(reversed(list(self._data))) if last else next(iter(self._data))
        return key, self._data.pop(key)


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = tuple(field_names)
    num_fields = len(field_names)

    def __init__(self, *args, **kwargs):
        if len(args) > num_fields:
            raise TypeError(f"{typename}.__new__() takes {num_fields + 1} positional arguments but {len(args) + 1} were given")
        values = list(args)
        for name in field_names[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif defaults is not None and name in _defaults:
                values.append(_defaults[name])
            else:
                raise TypeError(f"{typename}.__new__() missing 1 required positional argument: '{name}'")
        if kwargs:
            raise TypeError(f"{typename}.__new__() got an unexpected keyword argument '{next(iter(kwargs))}'")
        self._values = tuple(values)

    def __repr__(self):
        inner = ', '.join(f'{n}={v!r}' for n, v in zip(field_names, self._values))
        return f'{typename}({inner})'

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return num_fields

    def __getitem__(self, index):
        return self._values[index]

    def __eq__(self, other):
        if hasattr(other, '_values'):
            return self._values == other._values
        return self._values == other

    def __hash__(self):
        return hash(self._values)

    def _asdict(self):
        return dict(zip(field_names, self._values))

    def _replace(self, **kwargs):
        values = dict(zip(field_names, self._values))
        values.update(kwargs)
        return cls(**values)

    _defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        _defaults = dict(zip(field_names[num_fields - len(defaults):], defaults))

    namespace = {
        '__init__': __init__, '__repr__': __repr__, '__iter__': __iter__,
        '__len__': __len__, '__getitem__': __getitem__, '__eq__': __eq__,
        '__hash__': __hash__, '_asdict': _asdict, '_replace': _replace,
        '_fields': field_names, '__module__': '__main__',
    }
    for index, name in enumerate(field_names):
        namespace[name] = property(lambda self, index=index: self._values[index])
    cls = type(typename, (), namespace)
    return cls
