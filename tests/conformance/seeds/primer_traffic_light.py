def traffic_light():
    state = 'RED'
    while True:
        command = yield state
        if command == 'next':
            state = {'RED': 'GREEN', 'GREEN': 'YELLOW', 'YELLOW': 'RED'}[state]

t = traffic_light()
print(next(t))         # RED
print(t.send('next'))  # GREEN
print(t.send('next'))  # YELLOW
print(t.send('next'))  # RED
