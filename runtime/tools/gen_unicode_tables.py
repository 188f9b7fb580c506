#!/usr/bin/env python3
"""Generate runtime/src/builtins/unicode_tables.rs from CPython 3.11's unicodedata.

The str predicates (isalpha, isdecimal, isdigit, isnumeric, isprintable, isidentifier) and the
title-case and case-folding mappings that differ from Rust's upper/lower mappings are taken from
the interpreter running this script, so Coro classifies characters exactly as CPython 3.11 does
(Unicode 14.0).

Usage: python3.11 runtime/tools/gen_unicode_tables.py > runtime/src/builtins/unicode_tables.rs
"""

import sys
import unicodedata

if sys.version_info[:2] != (3, 11):
    sys.exit("run this with CPython 3.11")


def ranges(pred):
    out, start = [], None
    for c in range(0x110000):
        p = pred(chr(c))
        if p and start is None:
            start = c
        elif not p and start is not None:
            out.append((start, c - 1))
            start = None
    if start is not None:
        out.append((start, 0x10FFFF))
    return out


def emit_ranges(name, doc, rs):
    print()
    print(f"/// {doc}")
    print("#[rustfmt::skip]")
    print(f"pub static {name}: &[(u32, u32)] = &[")
    for i in range(0, len(rs), 6):
        row = ", ".join(f"(0x{a:X}, 0x{b:X})" for a, b in rs[i : i + 6])
        print(f"    {row},")
    print("];")


def rust_str(s):
    return '"' + "".join(f"\\u{{{ord(ch):x}}}" for ch in s) + '"'


def emit_map(name, doc, pairs):
    print()
    print(f"/// {doc}")
    print("#[rustfmt::skip]")
    print(f"pub static {name}: &[(u32, &str)] = &[")
    for c, s in pairs:
        print(f"    (0x{c:X}, {rust_str(s)}),")
    print("];")


print("//! Unicode character tables for the `str` methods, generated from CPython 3.11's")
print(f"//! `unicodedata` (Unicode {unicodedata.unidata_version}) by `runtime/tools/gen_unicode_tables.py`.")
print("//! Do not edit by hand: re-run the script.")
print("//!")
print("//! Each predicate table is a sorted list of inclusive code point ranges; the mappings list")
print("//! only the characters whose CPython mapping differs from what Rust's `char` methods give.")

emit_ranges("ALPHA", "`str.isalpha`: categories Lm, Lt, Lu, Ll and Lo.", ranges(str.isalpha))
dec = ranges(str.isdecimal)
for a, b in dec:
    for c in range(a, b + 1):
        assert unicodedata.decimal(chr(c)) == (c - a) % 10, hex(c)
emit_ranges("DECIMAL", "`str.isdecimal` (category Nd); every range starts at a zero digit.", dec)
emit_ranges("DIGIT", "`str.isdigit`: characters with a digit value.", ranges(str.isdigit))
emit_ranges("NUMERIC", "`str.isnumeric`: characters with a numeric value.", ranges(str.isnumeric))
emit_ranges("PRINTABLE", "`str.isprintable`.", ranges(str.isprintable))
emit_ranges("ID_START", "Characters that may start an identifier (XID_Start and `_`).", ranges(str.isidentifier))
emit_ranges("ID_CONTINUE", "Characters that may continue an identifier (XID_Continue).", ranges(lambda ch: ("a" + ch).isidentifier()))
emit_ranges(
    "WIDE",
    "East Asian Width W or F (`unicodedata.east_asian_width`): the characters the traceback module counts as two columns.",
    ranges(lambda ch: unicodedata.east_asian_width(ch) in "WF"),
)
emit_ranges("TITLECASE", "Category Lt (title-case letters).", ranges(lambda ch: unicodedata.category(ch) == "Lt"))
# Case_Ignorable (for the final-sigma rule of lower()): Mn, Me, Cf, Lm, Sk, and the
# Word_Break classes MidLetter, MidNumLet and Single_Quote.
WORD_BREAK_IGNORABLE = {
    0x3A, 0xB7, 0x387, 0x55F, 0x5F4, 0x2027, 0xFE13, 0xFE55, 0xFF1A,  # MidLetter
    0x2E, 0x2018, 0x2019, 0x2024, 0xFE52, 0xFF07, 0xFF0E,  # MidNumLet
    0x27,  # Single_Quote
}


def case_ignorable(ch):
    return unicodedata.category(ch) in ("Mn", "Me", "Cf", "Lm", "Sk") or ord(ch) in WORD_BREAK_IGNORABLE


def cased(ch):
    return ch.islower() or ch.isupper() or unicodedata.category(ch) == "Lt"


# Check the definitions against CPython's own final-sigma decisions.
for c in range(0x110000):
    ch = chr(c)
    if 0xD800 <= c <= 0xDFFF:
        continue
    got = ("A\u03a3" + ch + "B").lower()[1]
    want = "\u03c3" if case_ignorable(ch) or cased(ch) else "\u03c2"
    assert got == want, hex(c)

emit_ranges("CASE_IGNORABLE", "Case_Ignorable characters (for the final sigma of `lower`).", ranges(case_ignorable))
emit_map(
    "TITLE_SPECIAL",
    "Characters whose title-case mapping differs from their upper-case mapping.",
    [(c, chr(c).title()) for c in range(0x110000) if chr(c).title() != chr(c).upper()],
)
emit_map(
    "CASEFOLD_SPECIAL",
    "Characters whose case folding differs from their lower-case mapping.",
    [(c, chr(c).casefold()) for c in range(0x110000) if chr(c).casefold() != chr(c).lower()],
)
