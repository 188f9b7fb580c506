def player(name, hits):
    for i in range(hits):
        ball = yield
        print(f"{name} hits {ball}")

ping = player("ping", 3)
pong = player("pong", 3)
next(ping)
next(pong)
for rally in range(3):
    ping.send(rally)
    pong.send(rally)
print("done")
