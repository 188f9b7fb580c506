x = 3.14159
n = 1234567
name = "coro"
print(f"{x:.2f}|{x:8.3f}|{x:<8.1f}|{x:^8.1f}|{x:+.1f}")
print(f"{n:,}|{n:_}|{n:>10}|{n:<10}|{n:^10}|{n:010}")
print(f"{name!r}|{name:>6}|{name:*^9}|{name!s}|{name.upper()}")
print(f"{255:x}|{255:X}|{255:#x}|{5:b}|{5:#b}|{8:o}|{65:c}")
print(f"{0.5:%}|{0.25:.1%}|{12345.678:e}|{12345.678:.2E}|{0.000012:g}|{1e20:g}")
width, prec = 10, 3
print(f"{x:{width}.{prec}f}|")
print(f"{n=}|{x = :.1f}|{name=!s}")
print(f"{{literal braces}}|{[1, 2]}|{ {'a': 1} }|{(1, 2)}")
print(f"{'nested' + ' quotes'}|{3 * 4}|{'yes' if n else 'no'}")
print(f"{-5:05}|{5:+}|{-0.0}|{True}|{None}")
