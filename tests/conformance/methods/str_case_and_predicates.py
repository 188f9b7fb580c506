# Case mapping (full mappings, title case, final sigma, case folding) and the is... predicates
# on ASCII and non-ASCII text.
words = ["hello world", "HeLLo wORLD", "they're bill's", "3rd street", "ǆemal", "ßtraße",
         "ΟΔΟΣ ΣΑΣ", "İstanbul", "ﬁne", "", "ǅ", "x1 y2"]
for w in words:
    print(repr(w.lower()), repr(w.upper()), repr(w.title()), repr(w.capitalize()),
          repr(w.swapcase()), repr(w.casefold()))
samples = ["abc", "ABC", "Abc Def", "Abc def", "123", "١٢٣", "²", "½", "Ⅻ", " \t\x1c", "",
           "a1", "_x1", "1x", "class", "é", "ǅemal", "a\n", "\u200b", "中文"]
for s in samples:
    flags = [s.isalnum(), s.isalpha(), s.isascii(), s.isdecimal(), s.isdigit(), s.isidentifier(),
             s.islower(), s.isnumeric(), s.isprintable(), s.isspace(), s.istitle(), s.isupper()]
    print(repr(s), "".join("1" if f else "0" for f in flags))
try:
    "abc".upper(1)
except TypeError as e:
    print(e)
try:
    "abc".isdigit(x=1)
except TypeError as e:
    print(e)
