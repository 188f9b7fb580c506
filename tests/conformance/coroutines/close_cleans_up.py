def logger():
    lines = []
    try:
        while True:
            lines.append((yield))
    finally:
        print("flushing", lines)

log = logger()
next(log)
log.send("a")
log.send("b")
log.close()
