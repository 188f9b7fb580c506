# %% [markdown]
# # 2. Coroutines via generators: `send` and priming
#
# **Learning objective:** see coroutines as enhanced generators that can *receive* data, which gives two-way communication.
#
# In his 2009 PyCon talk *A Curious Course on Coroutines and Concurrency*, David Beazley showed that a generator can do more than produce values.
# Since PEP 342 (Python 2.5), `yield` is an *expression*: when the generator resumes, `yield` evaluates to a value the caller sends in.
# A generator used this way, mainly to consume values, is what the talk calls a *coroutine*.
# It is the same object type, a generator; only the way we use it changes.

# %%
def echo():
    while True:
        value = yield
        print(f"Echo: {value}")

g = echo()
next(g)         # Prime the coroutine

g.send("Hello") # Echo: Hello
g.send("World") # Echo: World

# %% [markdown]
# ## The `.send()` method
#
# `gen.send(value)` resumes the generator and makes the paused `yield` expression evaluate to `value`.
# The generator then runs to its next `yield`, and whatever that `yield` produces becomes the return value of `send`.
# So one call both pushes a value in and pulls the next value out.
# `next(gen)` is the same as `gen.send(None)`.

# %%
def doubler():
    result = None
    while True:
        received = yield result
        result = received * 2

d = doubler()
print(next(d))
print(d.send(5))
print(d.send("ab"))

# %% [markdown]
# The coroutine `d` stays suspended in the session, so a later cell can keep talking to it.

# %%
d.send(21)

# %% [markdown]
# ### Priming a coroutine
#
# A new generator has not reached any `yield` yet, so there is no `yield` expression to receive a value.
# That is why it must be *primed*: advanced to its first `yield` with `next(gen)` or `gen.send(None)`.
# Sending anything else to a generator that has just been created is an error.

# %%
def listener():
    print("listener started")
    while True:
        message = yield
        print("heard:", message)

ear = listener()

# %% tags=["raises-exception"]
ear.send("too early")

# %% [markdown]
# The generator is unharmed: it is still waiting to start.
# Priming with `send(None)` runs it to its first `yield`; after that, `send` delivers values.

# %%
import inspect

print(inspect.getgeneratorstate(ear))
ear.send(None)
print(inspect.getgeneratorstate(ear))
ear.send("now it works")

# %% [markdown]
# ### Example: priming and sending data
#
# The course's example coroutine receives one value and then finishes.

# %% tags=["raises-exception"]
def simple_coroutine():
    print("Coroutine started")
    x = yield # Receives value sent via .send()
    print(f"Coroutine received: {x}")

# Usage
my_coro = simple_coroutine()
next(my_coro) # Prime the coroutine (runs up to the first yield)
my_coro.send(100) # Sends 100 to the yield expression

# %% [markdown]
# Read the output carefully: both lines were printed, and then `send` raised `StopIteration`.
# After printing, the body reached its end, and a generator that finishes raises `StopIteration` from the `send` that resumed it.
# A coroutine that should keep receiving values loops around its `yield`, as `echo` does.
# When finishing *is* the plan, catch the `StopIteration`: it carries the value the body returned.

# %%
def collect(limit):
    items = []
    while len(items) < limit:
        items.append((yield))
    return items

bag = collect(3)
next(bag)
bag.send("a")
bag.send("b")
try:
    bag.send("c")
except StopIteration as done:
    print("returned:", done.value)

# %% [markdown]
# ### `yield` as a two-way street
#
# A single `yield` can send a value *out* and take a value *in*: `received = yield outgoing`.
# The generator pauses with `outgoing` as the result of `next` or `send`, and when resumed, `received` is what was sent.
# The running average keeps state between values and reports the new average each time.

# %%
def running_average():
    total = 0
    count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            break
        total += value
        count += 1
        avg = total / count

avg_coro = running_average()
print(next(avg_coro))    # None
print(avg_coro.send(10)) # 10.0
print(avg_coro.send(20)) # 15.0
print(avg_coro.send(30)) # 20.0
avg_coro.close()

# %% [markdown]
# A fresh averager, fed from several cells, shows the state living on between them.

# %%
averager = running_average()
next(averager)
averager.send(4)

# %%
averager.send(8)

# %%
inspect.getgeneratorlocals(averager)

# %% [markdown]
# ## Glossary
#
# - **Coroutine:** a function whose execution can be suspended and resumed, often used for cooperative multitasking; here, an enhanced generator.
# - **`.send(value)`:** resumes a generator and sends a value *into* its `yield` expression.
# - **Priming:** advancing a coroutine to its first `yield`, so that it is ready to receive data through `.send()`.
#
# ## Self-assessment quiz
#
# 1. What does `gen.send(42)` return?
# 2. Why does `listener().send("hi")` fail, and what are two ways to prime a coroutine?
#
# Answers: (1) the value of the *next* `yield` the generator reaches (or it raises `StopIteration` if the generator finishes instead); (2) a just-started generator is not paused at a `yield`, so there is nowhere to deliver the value; prime it with `next(gen)` or `gen.send(None)`.
#
# **Section summary:** coroutines, built on generators, use `yield` both to produce and to receive data through `.send()`.
# They must be primed before they can receive, and then they keep their state between messages.
#
# **Transition:** now that we can send data into coroutines, we look at controlling them: closing them and raising exceptions inside them.
