def player(name):
    while True:
        ball = yield
        print(f"{name} hits {ball}")

ping = player("ping")
pong = player("pong")
next(ping)
next(pong)
for rally in range(3):
    ping.send(rally)
    pong.send(rally)
print("done")
