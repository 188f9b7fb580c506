# Results too large to allocate raise MemoryError (or OverflowError for sizes that are not
# index-sized) instead of aborting.
def attempt(label, f):
    try:
        f()
    except (MemoryError, OverflowError) as e:
        print(label, type(e).__name__, e)


attempt('list', lambda: list(range(10**12)))
attempt('tuple', lambda: tuple(range(10**12)))
attempt('sorted', lambda: sorted(range(10**12)))
attempt('unpack', lambda: [*range(10**12)])
attempt('extend', lambda: [].extend(range(10**12)))
attempt('bytes', lambda: bytes(10**12))
attempt('bytes big', lambda: bytes(10**100))
attempt('bytes negative big', lambda: bytes(-10**100))
attempt('str repeat', lambda: 'x' * 10**12)
attempt('list repeat', lambda: [0] * 10**12)
attempt('ljust', lambda: 'x'.ljust(10**12))
attempt('range len', lambda: len(range(10**100)))
print('done')
