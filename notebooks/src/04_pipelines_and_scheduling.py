# %% [markdown]
# # 4. Building concurrent systems with coroutines
#
# **Learning objective:** connect coroutines into data-processing pipelines, and understand cooperative multitasking with a simple scheduler.
#
# `send`, `close` and `throw` are building blocks.
# A coroutine that receives an item and `send`s something on to another coroutine is a pipeline stage; `close` passes the end of the data down the line.
# And a loop that resumes many generators in turn, each running until its next `yield`, is a scheduler: the beginning of concurrency without threads, as Beazley's 2009 examples show.
#
# ## Coroutine pipelines
#
# In a pipeline, a *source* pushes items into the first coroutine; each stage does its work and sends results to its *target*; a *sink* at the end consumes them.
# The simplest pipeline has two stages: a generator that produces numbers and a coroutine that consumes them.

# %%
def producer():
    for i in range(5):
        yield i

def doubler():
    while True:
        value = yield
        print(value * 2)

d = doubler()
next(d)
for num in producer():
    d.send(num)

# %% [markdown]
# A stage can filter and transform as data arrives.

# %%
def filter_and_square():
    while True:
        value = yield
        if value % 2 == 0:
            print(f"Even squared: {value ** 2}")

f = filter_and_square()
next(f)
for i in range(1, 6):
    f.send(i)

# %% [markdown]
# A real pipeline connects stages through their targets, and closing the head closes the whole chain.
# Each stage is created already primed, sink first, because every stage needs its target to exist.

# %%
def grep(pattern, target):
    next(target)
    try:
        while True:
            line = yield
            if pattern in line:
                target.send(line)
    finally:
        target.close()

def printer():
    try:
        while True:
            line = yield
            print("matched:", line)
    finally:
        print("printer closed")

pipeline = grep("python", printer())
next(pipeline)
for line in ["python generators", "java streams", "python coroutines"]:
    pipeline.send(line)

# %%
pipeline.close()

# %% [markdown]
# ### Decorators for priming
#
# Writing `next(...)` after every coroutine is easy to forget.
# A decorator can call it for us, so that calling the coroutine function returns a coroutine that is already primed.
# `functools.wraps` keeps the decorated function's name and docstring.

# %%
from functools import wraps

def coroutine_decorator(func):
    @wraps(func)
    def primer(*args, **kwargs):
        gen = func(*args, **kwargs)
        next(gen) # Prime it
        return gen
    return primer

@coroutine_decorator
def decorated_coroutine():
    print("Coroutine started (already primed)")
    while True:
        x = yield
        print(f"Received: {x}")

# Usage - no explicit next() needed
coro = decorated_coroutine()
coro.send(1)
coro.close()

# %%
print(decorated_coroutine.__name__, decorated_coroutine.__wrapped__.__name__)

# %% [markdown]
# With the decorator, a pipeline reads from left to right in one expression.

# %%
@coroutine_decorator
def transform(fn, target):
    while True:
        target.send(fn((yield)))

@coroutine_decorator
def keep(predicate, target):
    while True:
        item = yield
        if predicate(item):
            target.send(item)

@coroutine_decorator
def collector(results):
    while True:
        results.append((yield))

results = []
head = transform(lambda x: x * x, keep(lambda x: x % 2 == 1, collector(results)))
for i in range(8):
    head.send(i)
results

# %% [markdown]
# A closed stage cannot take more data: sending to it raises `StopIteration`, which is how a pipeline notices that a consumer has gone away.

# %%
sink = collector([])
sink.close()

# %% tags=["raises-exception"]
sink.send("anyone there?")

# %% [markdown]
# ## Basic cooperative multitasking
#
# Every `yield` hands control back to whoever called `next` or `send`.
# If that caller is a loop over many generators, each generator runs a little, yields, and lets the next one run.
# Nobody interrupts a task: each one *cooperates* by yielding often enough.
#
# ### A simple scheduler
#
# The scheduler keeps a queue of ready tasks.
# It takes one, resumes it until it yields, and puts it back at the end; a task that raises `StopIteration` has finished and is dropped.

# %%
from collections import deque

def task(name, steps):
    for i in range(steps):
        print(f"{name} step {i}")
        yield
    return f"{name} done"

class Scheduler:
    def __init__(self):
        self.ready = deque()
        self.finished = []

    def spawn(self, gen):
        self.ready.append(gen)

    def run(self):
        while self.ready:
            current = self.ready.popleft()
            try:
                next(current)
            except StopIteration as stop:
                self.finished.append(stop.value)
                continue
            self.ready.append(current)

scheduler = Scheduler()
scheduler.spawn(task("A", 3))
scheduler.spawn(task("B", 1))
scheduler.spawn(task("C", 2))

# %% [markdown]
# The tasks are created but nothing has run; the scheduler is suspended in the session until we start it.

# %%
scheduler.run()

# %%
scheduler.finished

# %% [markdown]
# Tasks can also tell the scheduler what they are waiting for, by yielding a value.
# Here each task yields how many ticks it wants to sleep, and the scheduler wakes tasks in order of their wake-up tick.

# %%
def sleeper(name, ticks):
    for i in range(3):
        print(f"tick {clock}: {name} runs")
        yield ticks

clock = 0
waiting = []
for number, t in enumerate([sleeper("fast", 1), sleeper("slow", 3)]):
    waiting.append((0, number, t))
while waiting:
    waiting.sort(key=lambda item: (item[0], item[1]))
    clock, number, t = waiting.pop(0)
    try:
        delay = next(t)
    except StopIteration:
        continue
    waiting.append((clock + delay, number, t))
print("all done at tick", clock)

# %% [markdown]
# **Key point:** coroutines give concurrency by voluntarily yielding control, so that other tasks can run, under a coordinator such as a pipeline or a scheduler.
#
# ## Glossary
#
# - **Pipeline:** a sequence of processing elements (here, coroutines) in which the output of one is the input of the next.
# - **Cooperative multitasking:** multitasking in which tasks voluntarily yield control, periodically or when idle.
#
# ## Self-assessment quiz
#
# How does data flow through a coroutine pipeline, and what does a simple cooperative scheduler do?
#
# Answer: the source `send`s each item into the first stage, and each stage `send`s its results on to its target, so data is *pushed* from the source to the sink.
# The scheduler keeps a queue of tasks and resumes them one at a time; each runs until its next `yield`, which hands control back.
#
# **Section summary:** coroutines can be linked into pipelines for sequential data processing.
# By managing several coroutines and choosing which runs next, we get basic cooperative concurrency.
#
# ## Reflect
#
# What are the advantages and disadvantages of cooperative multitasking (tasks yield control) compared with preemptive multitasking (the operating system interrupts tasks)?
# Consider what happens in the scheduler above if one task loops for a long time without yielding.
#
# **Transition:** the 2009 talk stopped at these foundations, but the same principles carry over to more complex systems; the next section looks at advanced patterns.
