//! The fixed inputs of the fuzz driver: fragments and numbers that mutations insert, and
//! pathological programs at or past the limits of every stage (parser nesting, huge literals,
//! runtime abuse).
//!
//! What it deliberately does not do: mutate anything (`fuzz.rs` does) or say what the programs
//! print (the ones whose output is deterministic are recorded in `tests/conformance/robustness`).

use std::fmt::Write as _;

/// Python fragments that inserted anywhere make interesting near-programs.
pub const FRAGMENTS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "'",
    "\"",
    "'''",
    "f'{",
    "}'",
    "\\",
    "\n",
    "\n    ",
    "    ",
    "\t",
    ":",
    ",",
    ";",
    "*",
    "**",
    "=",
    ":=",
    "+=",
    "->",
    ".",
    "...",
    "@",
    "-",
    "~",
    "yield",
    "yield from",
    "await",
    "async ",
    "def f():",
    "class C:",
    "lambda:",
    "return",
    "raise",
    "try:",
    "except:",
    "finally:",
    "with",
    "global x",
    "nonlocal x",
    "del",
    "not",
    "and",
    "or",
    "is",
    "in",
    "if",
    "else",
    "elif",
    "for x in",
    "while 1:",
    "break",
    "continue",
    "pass",
    "import sys",
    "from",
    "as",
    "None",
    "True",
    "0",
    "1",
    "-1",
    "1e308",
    "0x",
    "1j",
    "b'",
    "\u{0}",
    "\u{feff}",
    "é",
    "\u{a0}",
    "\r",
    "\r\n",
    "#",
    "# %%\n",
    "print(",
    "next(",
    "iter(",
    ".send(",
    ".throw(",
    ".close()",
    "StopIteration",
    "GeneratorExit",
    "__next__",
    "__iter__",
    "__repr__",
    "__eq__",
    "__hash__",
    "__del__",
    "super()",
    "self",
    "*a",
    "**k",
    "x[0]",
    "x[::-1]",
    "[*x]",
    "{**d}",
    "(yield)",
    "global",
    "assert",
    "match",
    "case",
];

/// Large and odd number literals.
pub const NUMBERS: &[&str] = &[
    "0",
    "-0",
    "10**100",
    "2**64",
    "-2**63",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "1e309",
    "-1e309",
    "1e-400",
    "0.1",
    "10**10**10",
    "2**1000",
    "(1<<200)",
    "0x7fffffffffffffff",
    "10**12",
    "-10**12",
];

/// Programs at or past the limits of every stage.
pub fn pathological() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut add = |name: &str, text: String| out.push((name.to_string(), text));
    for n in [100, 200, 1000, 10_000] {
        for (open, close) in [("(", ")"), ("[", "]"), ("{", "}")] {
            add(&format!("{n} {open}"), open.repeat(n));
            add(
                &format!("{n} balanced {open}"),
                format!("x = {}1{}\nprint(x)", open.repeat(n), close.repeat(n)),
            );
        }
        add(
            &format!("{n} nested lists"),
            format!("x = {}{}", "[".repeat(n), "]".repeat(n)),
        );
        add(
            &format!("{n} calls"),
            format!("f = print\n{}1{}", "f(".repeat(n), ")".repeat(n)),
        );
        add(&format!("{n} minus"), format!("print({}1)", "-".repeat(n)));
        add(&format!("{n} not"), format!("print({}1)", "not ".repeat(n)));
        add(
            &format!("{n} lambda"),
            format!("f = {}1", "lambda: ".repeat(n)),
        );
        add(
            &format!("{n} await"),
            format!("async def f():\n    {}1", "await ".repeat(n)),
        );
        add(
            &format!("{n} ternary"),
            format!("x = {}1", "1 if 1 else ".repeat(n)),
        );
        add(&format!("{n} power"), format!("x = {}1", "1 ** ".repeat(n)));
        add(
            &format!("{n} attribute"),
            format!("x = 1{}", ".real".repeat(n)),
        );
        add(
            &format!("{n} subscript"),
            format!("x = [0]{}", "[0]".repeat(n)),
        );
        add(&format!("{n} assign"), format!("{}1", "x = ".repeat(n)));
        add(
            &format!("{n} unpack"),
            format!("{}a{} = 1", "(".repeat(n), ",)".repeat(n)),
        );
        add(&format!("{n} fstring"), format!("x = {}", "f'{".repeat(n)));
        add(
            &format!("{n} string concat"),
            format!("x = {}''", "'a' ".repeat(n)),
        );
        let mut defs = String::new();
        for depth in 0..n.min(2000) {
            let _ = writeln!(defs, "{}def f{depth}():", " ".repeat(depth));
        }
        let _ = writeln!(defs, "{}pass", " ".repeat(n.min(2000)));
        add(&format!("{n} nested defs"), defs.clone());
        let mut blocks = String::new();
        for depth in 0..n.min(2000) {
            let head = ["if 1:", "for _ in [1]:", "while 1:", "try:", "with x:"][depth % 5];
            let _ = writeln!(blocks, "{}{head}", "\t".repeat(depth));
        }
        add(&format!("{n} nested blocks"), blocks);
        add(
            &format!("{n} comprehension"),
            format!("x = {}", "[x for x in ".repeat(n)),
        );
        add(
            &format!("{n} decorators"),
            format!("{}def f(): pass", "@d\n".repeat(n)),
        );
        add(
            &format!("{n} generator chain"),
            format!(
                "g = iter([1])\n{}\nprint(list(g))",
                "g = (x for x in g)\n".repeat(n)
            ),
        );
    }
    add(
        "long line of sums",
        format!("x = {}1\nprint(x)", "1+".repeat(100_000)),
    );
    add(
        "long list display",
        format!("x = [{}]\nprint(len(x))", "1,".repeat(100_000)),
    );
    add(
        "long string",
        format!("x = '{}'\nprint(len(x))", "a".repeat(1 << 20)),
    );
    add("long name", format!("{} = 1", "a".repeat(100_000)));
    add("many lines", "x = 1\n".repeat(100_000));
    add("huge decimal literal", format!("x = {}", "9".repeat(5000)));
    add(
        "huge decimal literal 2",
        format!("x = {}", "9".repeat(100_000)),
    );
    add(
        "huge hex literal",
        format!("x = 0x{}\nprint(x.bit_length())", "f".repeat(100_000)),
    );
    add(
        "huge float literal",
        format!("x = {}.5\nprint(x)", "9".repeat(400)),
    );
    add(
        "huge exponent",
        "x = 1e99999999999999999999\nprint(x)".into(),
    );
    add("nul bytes", "x = 1\0\nprint(x)\0".into());
    add("nul in string", "print('a\0b')".into());
    add("only nul", "\0".into());
    add("bom", "\u{feff}print(1)".into());
    add(
        "form feed",
        "\x0cprint(1)\n\x0c  \nif 1:\n\x0c    print(2)".into(),
    );
    add("lone cr", "x = 1\rprint(x)\r".into());
    add("mixed tabs", "if 1:\n\tx = 1\n        print(x)".into());
    add("unicode names", "é = 1\nℌ = 2\nprint(é + H)".into());
    add(
        "surrogate escape",
        "print('\\ud800')\nprint(repr('\\udfff'))".into(),
    );
    add(
        "bad escapes",
        "print('\\N{NO SUCH NAME}', b'\\777', '\\x4')".into(),
    );
    add("deep indentation", format!("{}x = 1", " ".repeat(100_000)));
    add("empty", String::new());
    add("only newlines", "\n".repeat(10_000));
    add("only comment", "#".repeat(100_000));
    add("backslashes", "\\\n".repeat(10_000));
    for (name, program) in ABUSE {
        add(name, program.to_string());
    }
    out
}

/// Programs that abuse the runtime rather than the parser. What CPython prints for the
/// deterministic ones is checked by `tests/conformance/robustness`; here they must only end.
const ABUSE: &[(&str, &str)] = &[
    (
        "repr recursion",
        "class A:\n    def __repr__(self): return repr(self)\nrepr(A())",
    ),
    ("str recursion", "class A:\n    def __str__(self): return str(self)\nprint(A())"),
    ("eq recursion", "class A:\n    def __eq__(self, o): return self == o\nA() == A()"),
    ("hash recursion", "class A:\n    def __hash__(self): return hash(self)\n{A()}"),
    ("iter recursion", "class A:\n    def __iter__(self): return iter(self)\nlist(A())"),
    (
        "len recursion",
        "class A:\n    def __len__(self): return len(self)\nbool(A())",
    ),
    (
        "getattr recursion",
        "class A:\n    def __getattr__(self, n): return getattr(self, n)\nA().x",
    ),
    (
        "getattribute recursion",
        "class A:\n    def __getattribute__(self, n): return self.x\nA().x",
    ),
    ("del resurrect", "l = []\nclass A:\n    def __del__(self): l.append(self)\nA()\nprint(l)"),
    (
        "generator sends to itself",
        "def g():\n    yield it.send(1)\nit = g()\nnext(it)",
    ),
    (
        "generator closes itself",
        "def g():\n    it.close()\n    yield 1\nit = g()\nnext(it)",
    ),
    (
        "generator throws into itself",
        "def g():\n    it.throw(ValueError)\n    yield 1\nit = g()\nnext(it)",
    ),
    (
        "yield from itself",
        "def g():\n    yield from it\nit = g()\nlist(it)",
    ),
    (
        "yield from chain 5000",
        "def g(n):\n    if n:\n        yield from g(n - 1)\n    else:\n        yield 1\n\
         print(list(g(5000)))",
    ),
    (
        "yield from chain with a high limit",
        "import sys\nsys.setrecursionlimit(100000)\ndef g(n):\n    if n:\n        \
         r = yield from g(n - 1)\n        return r\n    yield 1\n    return 2\n\
         it = g(20000)\nprint(next(it))\nprint(list(it))",
    ),
    (
        "recursion with a high limit",
        "import sys\nsys.setrecursionlimit(100000)\ndef f(n):\n    return f(n + 1)\nf(0)",
    ),
    (
        "generator recursion",
        "def g():\n    for x in g():\n        yield x\nlist(g())",
    ),
    (
        "nested generator expressions",
        "g = iter([1])\nfor _ in range(100000):\n    g = (x for x in g)\nprint(list(g))",
    ),
    (
        "list mutated while iterating",
        "l = [1]\nfor x in l:\n    if len(l) < 1000: l.append(x)\nprint(len(l))",
    ),
    (
        "list mutated while sorting",
        "l = list(range(100))\ndef k(x):\n    l.append(x)\n    l.clear()\n    return x\n\
         l.sort(key=k)",
    ),
    (
        "list cleared during comparison",
        "l = list(range(20))\nclass K:\n    def __init__(s, v): s.v = v\n    \
         def __lt__(s, o):\n        l.clear()\n        return s.v < o.v\nl.sort(key=K)\nprint(l)",
    ),
    (
        "dict mutated while iterating",
        "d = {1: 1, 2: 2}\nfor k in d:\n    del d[k]\n    d[k + 10] = 1\nprint(d)",
    ),
    (
        "dict mutated in eq",
        "d = {}\nclass K:\n    def __hash__(s): return 1\n    def __eq__(s, o):\n        \
         d.clear()\n        return False\nd[K()] = 1\nd[K()] = 2\nprint(len(d))",
    ),
    (
        "set mutated while iterating",
        "s = {1}\nfor k in s:\n    s.discard(k)\n    s.add(k + 1)\nprint(s)",
    ),
    (
        "list extended by itself",
        "l = [1, 2]\nl.extend(l)\nl += l\nl[1:1] = l\nprint(l)",
    ),
    (
        "list extend with a growing iterator",
        "l = [1]\ntry:\n    l.extend(x for x in l)\nexcept MemoryError:\n    print('ME')",
    ),
    ("self-referencing list", "l = []\nl.append(l)\nprint(l, l == l)\nd = {}\nd[1] = d\nprint(d)"),
    (
        "deeply nested list",
        "x = []\nfor i in range(200000):\n    x = [x]\nprint(len(x))\ntry:\n    repr(x)\n\
         except RecursionError:\n    print('RE')\ny = []\nfor i in range(200000):\n    y = [y]\n\
         try:\n    print(x == y)\nexcept RecursionError:\n    print('RE')\ndel x, y",
    ),
    (
        "deeply nested tuple",
        "x = ()\nfor i in range(200000):\n    x = (x,)\ntry:\n    hash(x)\n\
         except RecursionError:\n    print('RE')\ntry:\n    str(x)\nexcept RecursionError:\n\
         print('RE')",
    ),
    (
        "deeply nested dict",
        "x = {}\nfor i in range(200000):\n    x = {1: x}\ntry:\n    repr(x)\n\
         except RecursionError:\n    print('RE')",
    ),
    (
        "deep exception chain",
        "e = None\nfor i in range(100000):\n    try:\n        raise ValueError(i) from e\n\
         except ValueError as x:\n        e = x\nraise e",
    ),
    (
        "deep context chain",
        "def f(n):\n    try:\n        raise ValueError(n)\n    finally:\n        \
         if n: f(n - 1)\nf(900)",
    ),
    ("huge string repeat", "'x' * 10**12"),
    ("huge list repeat", "[0] * 10**12"),
    ("huge tuple repeat", "(0,) * 10**12"),
    ("huge bytes repeat", "b'x' * 10**12"),
    ("huge repeat overflow", "'ab' * 2**62"),
    ("huge list from range", "list(range(10**12))"),
    ("huge tuple from range", "tuple(range(10**12))"),
    ("huge sorted range", "sorted(range(10**12))"),
    ("huge bytearray", "bytearray(10**12)"),
    ("huge bytes", "bytes(10**12)"),
    ("huge join", "''.join(['x'] * 10**6) * 10**7"),
    ("huge ljust", "'x'.ljust(10**12)"),
    ("huge format width", "format(1, '10000000000000')"),
    ("huge fstring width", "f'{1:{10**12}}'"),
    ("huge percent width", "'%10000000000000d' % 1"),
    ("huge expandtabs", "'\\t'.expandtabs(10**12)"),
    ("huge zfill", "'1'.zfill(10**12)"),
    ("huge center", "'1'.center(2**62)"),
    ("huge replace", "('x' * 1000).replace('x', 'y' * 10**7)"),
    ("huge range", "r = range(10**100)\nprint(r[-1], r[10**50], 10**99 in r, len(r[::10**90]))"),
    ("huge range len", "len(range(10**100))"),
    ("huge shift", "1 << 10**12"),
    ("huge power", "10 ** 10 ** 12"),
    ("huge int str", "str(10 ** 100000)"),
    ("huge int from str", "int('9' * 100000)"),
    ("huge float int", "int(1e308) * int(1e308)"),
    ("huge divmod", "divmod(10**5000, 7)"),
    ("huge pow mod", "pow(3, 10**1000, 10**100 + 7)"),
    ("big negative shift", "1 >> 10**100"),
    ("huge enumerate start", "next(enumerate([1], 2**100))"),
    ("huge islice", "import itertools\nlist(itertools.islice([1, 2], 10**100))"),
    ("huge count", "print(sum(range(10**20)))"),
    ("huge round", "round(1.5, 10**100)\nround(10**400, -10**100)"),
    ("huge hash", "hash(10**1000)\nhash(-1)\nhash(2**61 - 1)"),
    ("infinite loop", "while True:\n    pass"),
    ("infinite loop with except", "while True:\n    try:\n        pass\n    except BaseException:\n        pass"),
    (
        "infinite loop in finally",
        "try:\n    pass\nfinally:\n    while True:\n        pass",
    ),
    (
        "infinite generator in finalizer",
        "def g():\n    try:\n        yield 1\n    finally:\n        while True:\n            pass\n\
         it = g()\nnext(it)",
    ),
    ("infinite list", "l = [1]\nfor x in l:\n    l.append(x)"),
    ("infinite sum", "import itertools\nsum(itertools.count())"),
    ("infinite recursion in except", "def f():\n    try:\n        f()\n    except RecursionError:\n        f()\nf()"),
    ("sleep", "import time\ntime.sleep(10**6)"),
    ("input", "x = input('?')"),
    ("int max str digits", "import sys\nsys.set_int_max_str_digits(0)\nprint(len(str(10**20000)))"),
    ("recursion limit 1", "import sys\nsys.setrecursionlimit(1)\nprint(1)"),
    (
        "recursion limit 5",
        "import sys\nsys.setrecursionlimit(5)\ndef f(): return f()\nf()",
    ),
    ("exit", "import sys\nsys.exit(3)\nprint('no')"),
    ("raise exit in finalizer", "def g():\n    try:\n        yield\n    finally:\n        raise SystemExit\nit = g()\nnext(it)\ndel it\nprint(1)"),
    ("keyboard interrupt", "raise KeyboardInterrupt"),
    ("base exception subclass", "class E(BaseException): pass\nraise E(1, 2)"),
    ("exception with bad str", "class E(Exception):\n    def __str__(self): return 1\nraise E()"),
    ("exception with raising str", "class E(Exception):\n    def __str__(self): raise E()\nraise E()"),
    ("exception with raising repr", "class E(Exception):\n    def __repr__(self): raise E()\nprint(repr(E()))"),
    ("raise non exception", "raise 1"),
    ("raise class not exception", "raise int"),
    ("cause not exception", "raise ValueError from 1"),
    (
        "self cause",
        "e = ValueError()\ne.__cause__ = e\ne.__context__ = e\nraise e",
    ),
    (
        "context cycle",
        "a = ValueError('a')\nb = TypeError('b')\na.__context__ = b\nb.__context__ = a\nraise a",
    ),
    (
        "traceback set to junk",
        "e = ValueError()\ntry:\n    e.__traceback__ = 1\nexcept TypeError as x:\n    print(x)\nraise e",
    ),
    ("bad args attribute", "e = ValueError()\ne.args = 5\nprint(e)"),
    ("class with bad bases", "class A(1): pass"),
    ("class with bad mro", "class A: pass\nclass B(A, A): pass"),
    ("class inheriting from bool", "class B(bool): pass"),
    ("class assigned __class__", "class A: pass\na = A()\na.__class__ = int"),
    ("metaclass", "class M(type): pass\nclass A(metaclass=M): pass\nprint(A)"),
    ("super outside", "super()"),
    ("super without args in nested", "class A:\n    def f(self):\n        return (lambda: super())()\nA().f()"),
    ("format recursion", "'{0:{0:{0:{0}}}}'.format(1)"),
    ("format spec junk", "format(1, '\\x00<>=^+- #0,_.9999999999999999999999d')"),
    ("percent junk", "'%*.*d' % (10**20, 10**20, 1)"),
    ("str methods junk", "'a'.split(''); 'a'.center(-1); 'a'.index('b')"),
    ("int base junk", "int('1', 1)\nint('1', 37)\nint('1', 2**100)"),
    ("chr junk", "chr(-1)\nchr(0x110000)\nchr(2**100)"),
    ("slice junk", "x = [1, 2, 3]\nprint(x[10**100:-10**100:-(10**100)])\nx[::0]"),
    ("slice assignment junk", "x = [1, 2, 3]\nx[::2] = [1]\nx[10**100:] = [5]\nprint(x)"),
    ("index junk", "[1][2**100]\n"),
    ("negative repeat", "print('x' * -10**100, [1] * -1, (1,) * -5)"),
    ("float junk", "print(float('nan') == float('nan'), 1e308 * 10, -1e308 * 10, 0.0 ** -1)"),
    ("division junk", "print(1 // 0)"),
    ("float division junk", "print(1.0 % 0.0)"),
    ("int float overflow", "print(float(10**400))"),
    ("int too large for float", "print(10**400 / 3)"),
    ("round junk", "print(round(float('inf')))"),
    ("divmod by zero", "divmod(1, 0)"),
    ("pow junk", "pow(2, -1, 1)\npow(0, -1)\npow(2, 3, 0)"),
    ("complex junk", "print(1j ** 1e300)\nprint((1e308 + 1e308j) * 10)"),
    ("bytes junk", "bytes([256])\nbytes(-1)\nb'x'.decode('nope')"),
    ("dict junk", "dict([1])\ndict([(1, 2, 3)])\n{[]: 1}"),
    ("set junk", "{[1]}\nset([[1]])\nfrozenset({1}) | 1"),
    ("unhashable in set display", "{1, 2, [3]}"),
    ("sorted junk", "sorted([1, 'a'])\nsorted([1], key=1)"),
    ("min max junk", "min([])\nmax(1)\nmin(1, 2, key=len)"),
    ("zip strict junk", "list(zip([1], [1, 2], strict=True))"),
    ("map junk", "list(map(1, [1]))"),
    ("iter callable sentinel", "it = iter(int, 1)\nprint(next(it))"),
    ("next on non iterator", "next([1])"),
    ("send to non generator", "iter([1]).send(1)"),
    ("throw junk", "def g():\n    yield\nit = g()\nit.throw(1)"),
    ("throw instance and value", "def g():\n    yield\nit = g()\nit.throw(ValueError(), 1)"),
    ("throw class with tuple value", "def g():\n    yield\nit = g()\nnext(it)\nit.throw(ValueError, (1, 2))"),
    ("throw with traceback junk", "def g():\n    yield\nit = g()\nit.throw(ValueError, None, 1)"),
    (
        "close during yield from",
        "def inner():\n    try:\n        yield 1\n    finally:\n        outer.close()\n\
         def g():\n    yield from inner()\nouter = g()\nnext(outer)\nouter.close()",
    ),
    (
        "yield from throw with no throw",
        "class I:\n    def __iter__(self): return self\n    def __next__(self): return 1\n\
         def g():\n    yield from I()\nit = g()\nnext(it)\nit.throw(ValueError)",
    ),
    (
        "generator frame after close",
        "def g():\n    yield 1\nit = g()\nnext(it)\nit.close()\nprint(it.gi_frame, it.gi_running, it.gi_yieldfrom)",
    ),
    (
        "coroutine abuse",
        "async def f():\n    return 1\nc = f()\nc.send(None)",
    ),
    (
        "coroutine awaited twice",
        "async def f():\n    return 1\nasync def g():\n    c = f()\n    await c\n    await c\n\
         g().send(None)",
    ),
    (
        "await non awaitable",
        "async def f():\n    await 1\nf().send(None)",
    ),
    ("asyncio run junk", "import asyncio\nasyncio.run(1)"),
    (
        "asyncio nested run",
        "import asyncio\nasync def f():\n    asyncio.run(f())\nasyncio.run(f())",
    ),
    ("globals junk", "globals()['x'] = 1\nprint(x)\ndel globals()['__builtins__']\nprint(1)"),
    ("builtins deleted", "import builtins\ndel builtins.print\nprint(1)"),
    ("builtins replaced", "__builtins__ = 1\nprint(1)"),
    ("name error in del", "del x"),
    ("unbound local", "def f():\n    x\n    x = 1\nf()"),
    ("free var unbound", "def f():\n    def g(): return x\n    g()\n    x = 1\nf()"),
    ("isinstance junk", "isinstance(1, 1)\nissubclass(1, int)"),
    ("isinstance deep tuple", "t = int\nfor _ in range(100000):\n    t = (t,)\nprint(isinstance(1, t))"),
    ("getattr junk", "getattr(1, 1)\nsetattr(1, 'x', 1)"),
    ("object setattr junk", "object().x = 1"),
    ("type call junk", "type(1, 2, 3)\ntype('A', (1,), {})"),
    ("int subclass", "class I(int): pass\nprint(I(5) + 1, repr(I(3)))"),
    ("str subclass", "class S(str): pass\nprint(S('a') * 3, hash(S('a')) == hash('a'))"),
    ("list subclass", "class L(list): pass\nl = L([3, 1])\nl.sort()\nprint(l)"),
    ("exception subclass init", "class E(Exception):\n    def __init__(self): pass\nraise E()"),
    ("exception new junk", "class E(Exception):\n    def __new__(cls): return 1\nraise E"),
];
