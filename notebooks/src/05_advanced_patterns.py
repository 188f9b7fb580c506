# %% [markdown]
# # 5. Advanced concepts and considerations (generator-based)
#
# **Learning objective:** explore advanced techniques with generator-based coroutines: complex interactions, performance, error handling and debugging.
#
# Real systems built from coroutines need more than a straight line of stages.
# State has to be managed deliberately, data has to fan out and be routed, the cost of each `send` starts to matter, and errors must go somewhere sensible instead of silently killing a stage.
#
# ## Managing complex interactions and state
#
# A coroutine's local variables *are* its state, and the position of its `yield` is its control state.
# That makes coroutines a natural fit for state machines: each `send` is an event, and the yielded value is the new state.

# %%
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

# %% [markdown]
# The light keeps its state between cells, and unknown commands leave it unchanged.

# %%
t.send('wait')

# %%
t.send('next')

# %% [markdown]
# ### Routing and broadcasting
#
# *Broadcasting* sends every item to several targets; *routing* sends each item to the target chosen by its content.
# Both are coroutines whose targets are other coroutines.

# %%
from functools import wraps

def coroutine(func):
    @wraps(func)
    def start(*args, **kwargs):
        gen = func(*args, **kwargs)
        next(gen)
        return gen
    return start

@coroutine
def broadcast(targets):
    while True:
        item = yield
        for target in targets:
            target.send(item)

@coroutine
def labelled(label):
    while True:
        item = yield
        print(f"{label}: {item}")

fan_out = broadcast([labelled("audit"), labelled("metrics")])
fan_out.send("user logged in")

# %% [markdown]
# A router checks each item against a list of rules and forwards it to the first target whose rule matches, with a default target for the rest.

# %%
@coroutine
def router(routes, default):
    while True:
        item = yield
        for matches, target in routes:
            if matches(item):
                target.send(item)
                break
        else:
            default.send(item)

@coroutine
def bucket(name, store):
    while True:
        store.setdefault(name, []).append((yield))

store = {}
route = router(
    [(lambda x: isinstance(x, int), bucket("numbers", store)),
     (lambda x: isinstance(x, str), bucket("words", store))],
    bucket("other", store),
)
for item in [1, "two", 3.0, 4, "five", None]:
    route.send(item)
store

# %% [markdown]
# ## Performance considerations
#
# Resuming a generator is cheap compared with a thread switch: no operating system is involved, just a saved frame.
# It is not free, though: every `send` is a call, so a pipeline of five stages pays five calls per item.
# Batching items, or keeping hot loops inside one stage, cuts that overhead.
#
# ### Benchmarking simple coroutine systems
#
# `time.perf_counter()` is a high-resolution clock for measuring intervals.
# Timings differ from run to run and machine to machine, so this notebook prints only facts derived from them, never the times themselves.

# %%
import time

@coroutine
def counter(results):
    count = 0
    try:
        while True:
            yield
            count += 1
    finally:
        results["count"] = count

measured = {}
sink = counter(measured)
start = time.perf_counter()
for i in range(20000):
    sink.send(i)
sink.close()
elapsed = time.perf_counter() - start
print("items delivered:", measured["count"])
print("measured a positive time:", elapsed > 0)

# %% [markdown]
# In your own experiments, print `elapsed` or `measured["count"] / elapsed` (items per second), and compare a one-stage pipeline with a three-stage one.
#
# ## Improving techniques
#
# - Keep each coroutine's state in its local variables, and give it one job.
# - Prime with a decorator, so that no caller can forget.
# - Pass targets in as arguments: a stage that does not know its neighbours can be tested by sending to it and collecting what it emits.

# %%
@coroutine
def uppercase(target):
    while True:
        target.send((yield).upper())

captured = []
stage = uppercase(bucket("out", {"out": captured}))
stage.send("testable")
captured

# %% [markdown]
# ## Advanced error handling and debugging
#
# ### Robust error management in pipelines
#
# An exception raised inside a stage travels back up through every `send` that led to it, to the source, and leaves the failing stage finished.
# Often a stage should rather catch bad items, log them, and keep going.

# %%
@coroutine
def parse_numbers(target, errors):
    while True:
        text = yield
        try:
            target.send(int(text))
        except ValueError as e:
            errors.append(str(e))

@coroutine
def running_total():
    total = 0
    while True:
        total += yield
        print("total", total)

errors = []
parser = parse_numbers(running_total(), errors)
for text in ["1", "2", "three", "4"]:
    parser.send(text)
errors

# %% [markdown]
# Without that `try`, the first bad item ends the stage, and the exception surfaces at the source with every stage in the traceback.

# %%
@coroutine
def fragile_parse(target):
    while True:
        target.send(int((yield)))

fragile = fragile_parse(running_total())
fragile.send("10")

# %% tags=["raises-exception"]
fragile.send("ten")

# %% [markdown]
# The failed stage is closed now; the source must notice and stop sending.
# `throw` lets the *source* signal a problem to a stage, which may recover, for example by resetting its state.

# %%
import inspect

class Reset(Exception):
    pass

@coroutine
def resettable_total():
    total = 0
    while True:
        try:
            total += yield total
        except Reset:
            print("reset requested")
            total = 0

print(inspect.getgeneratorstate(fragile))
acc = resettable_total()
print(acc.send(5), acc.send(7))
print(acc.throw(Reset))
print(acc.send(1))

# %% [markdown]
# ### Debugging complex coroutine interactions
#
# - **Log inside coroutines:** a `print` before and after each `yield` shows the order in which stages run.
# - **Inspect state:** `inspect.getgeneratorstate` tells whether a coroutine is created, running, suspended or closed, and `inspect.getgeneratorlocals` shows its variables.
# - **Trace the calls:** wrap `send`, `throw` and `close` in small helpers that log what goes in and what comes out.

# %%
def traced_send(gen, value):
    print(f"send {value!r} -> {gen.__name__} ({inspect.getgeneratorstate(gen)})")
    result = gen.send(value)
    print(f"  yielded {result!r}, locals {inspect.getgeneratorlocals(gen)}")
    return result

lights = traffic_light()
next(lights)
traced_send(lights, "next")
traced_send(lights, "next")

# %% [markdown]
# **Key point:** robust systems of generator-based coroutines need deliberate design for state, data flow, error propagation and debugging.
#
# **Cross-reference:** modern Python concurrency mostly uses `asyncio` with `async`/`await`, which builds on these ideas in a more integrated framework; Section VI touches on it.
#
# ## Further exploration
#
# - David Beazley's site, with the 2009 course *A Curious Course on Coroutines and Concurrency* and his later talks: https://www.dabeaz.com/coroutines/
#
# **Section summary:** advanced use brings routing and broadcasting, performance trade-offs, and error-handling and debugging strategies suited to cooperative multitasking with generator-based coroutines.
#
# ## Reflect
#
# What challenges do you expect when debugging a system of many interacting coroutines?
# Which of the techniques above would you reach for first when a pipeline silently stops producing output?
#
# **Transition:** this ends the core of the 2009-style generator coroutines; the last section shows how these ideas led to modern asynchronous Python.
