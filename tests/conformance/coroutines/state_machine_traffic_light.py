def light():
    transitions = {"green": "yellow", "yellow": "red", "red": "green"}
    state = "red"
    while True:
        event = yield state
        if event == "tick":
            state = transitions[state]
        elif event == "reset":
            state = "red"

t = light()
print(next(t))
for event in ["tick", "tick", "noop", "tick", "tick", "reset"]:
    print(event, "->", t.send(event))
