# int and float methods: bit operations, bytes conversions, integer ratios, hex round trips.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


for n in [0, 1, 5, -5, 255, -256, 2**63, -(2**100) + 1, True]:
    print(n, n.bit_length(), n.bit_count(), n.as_integer_ratio(), n.conjugate())
print((255).to_bytes(), (255).to_bytes(2), (255).to_bytes(2, "little"), (0).to_bytes(0, "big"))
print((-1).to_bytes(2, "big", signed=True), (-128).to_bytes(1, "big", signed=True), (2**70).to_bytes(10, "little"))
print(int.from_bytes(b"\x00\xff"), int.from_bytes(b"\xff\x00", "little"), int.from_bytes(b"\xff", "big", signed=True))
print(int.from_bytes([1, 2], "big"), int.from_bytes(b""), int.from_bytes(bytes=b"\x01", byteorder="little"))
show(lambda: (255).to_bytes(1, "big", signed=True))
show(lambda: (-1).to_bytes(2, "big"))
show(lambda: (256).to_bytes(1, "big"))
show(lambda: (255).to_bytes(-1, "big"))
show(lambda: (255).to_bytes(2, "middle"))
show(lambda: (255).to_bytes(2, 1))
show(lambda: (255).to_bytes(2, "big", True))
show(lambda: int.from_bytes("ab", "big"))
show(lambda: int.from_bytes())
for x in [2.5, -0.1, 0.0, -0.0, 1e300, 5e-324, 2.0**-1074 * 3, 0.1, 1e308, float("inf"), float("nan")]:
    parts = [x.hex(), x.is_integer(), x.conjugate()]
    try:
        parts.append(x.as_integer_ratio())
    except (OverflowError, ValueError) as e:
        parts.append(type(e).__name__ + ": " + str(e))
    print(x, parts, float.fromhex(x.hex()) == x or x != x)
for text in ["0x1.4p+1", "0x1p-1074", "0x1.8", "-0X1.8P+3", " 0x1p0 ", "inf", "-Infinity", "nan",
             "1.8", "0x.8", "0x1.fffffffffffff7ffp+1023", "0x1.0000000000000800000001p+0",
             "0x1.00000000000018p+0", "0x0.00000000000008p-1022", "0x1.1p-1075", "0x1p-99999"]:
    print(text, float.fromhex(text))
for text in ["0x", "zz", "0x1p99999", "0x1.fffffffffffff8p+1023", "0x1_0p0", "0x1p"]:
    show(lambda: float.fromhex(text))
show(lambda: float.fromhex(1))
