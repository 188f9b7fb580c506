# str.encode and bytes.decode with utf-8, ascii and latin-1, the error handlers, and the
# codec error messages.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


print("aé€😀".encode(), "aé".encode("latin-1"), "abc".encode("ascii"), "x".encode("UTF8"))
print("é€x€".encode("ascii", "replace"), "é€x".encode("ascii", "ignore"))
print("é€x".encode("ascii", "backslashreplace"), "é€".encode("ascii", errors="xmlcharrefreplace"))
print(b"caf\xc3\xa9".decode(), b"caf\xe9".decode("latin-1"), b"a\xffb".decode("utf-8", "replace"))
print(b"a\xffb".decode("utf-8", "ignore"), b"a\xffb".decode("utf-8", "backslashreplace"))
show(lambda: "é".encode("ascii"))
show(lambda: "aé€".encode("ascii"))
show(lambda: "a€".encode("latin-1"))
show(lambda: "a".encode("nope"))
show(lambda: "a".encode("rot13"))
show(lambda: "a".encode(1))
show(lambda: "é".encode("ascii", "bogus"))
show(lambda: b"\xff".decode())
show(lambda: b"a\xe2\x82".decode())
show(lambda: b"\xe2\x82(".decode())
show(lambda: b"\xed\xa0\x80".decode())
show(lambda: b"\xe9".decode("ascii"))
show(lambda: b"a".decode(encoding=1))
