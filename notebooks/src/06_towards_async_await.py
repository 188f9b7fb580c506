# %% [markdown]
# # 6. Context and evolution: towards modern async Python
#
# **Learning objective:** understand the historical role of generator-based coroutines and how they relate to `async`/`await`.
#
# Generator-based coroutines came first: PEP 342 (Python 2.5, 2006) made `yield` an expression and added `send`, `throw` and `close`, and Beazley's 2009 talk showed what could be built with them.
# PEP 380 (Python 3.3) added `yield from`, so one generator could delegate to another and receive its return value.
# The first versions of `asyncio` (Python 3.4) were written with exactly these generator coroutines.
# PEP 492 (Python 3.5) then gave coroutines their own syntax, `async def` and `await`, and their own type, so they can no longer be confused with ordinary generators.
#
# ## From generators to `async`/`await`
#
# `yield from` is the bridge: it delegates `next`, `send`, `throw` and `close` to a sub-generator and evaluates to that sub-generator's return value.

# %%
def sub_task():
    received = yield "waiting for data"
    return received * 2

def main_task():
    result = yield from sub_task()
    print("sub-task returned", result)
    yield "main task done"

m = main_task()
print(next(m))
print(m.send(21))

# %% [markdown]
# `await` works the same way under new names: inside an `async def`, `await x` suspends the coroutine until `x` produces a result.
# We can even drive a native coroutine by hand with `send`, just like a generator, to see that the machinery is the same.

# %%
class Step:
    def __init__(self, name):
        self.name = name

    def __await__(self):
        reply = yield f"paused at {self.name}"
        return reply

async def native():
    a = await Step("first await")
    b = await Step("second await")
    return a + b

c = native()
print(type(c).__name__)
print(c.send(None))
print(c.send(10))

# %%
try:
    c.send(5)
except StopIteration as done:
    print("native coroutine returned", done.value)

# %% [markdown]
# A native coroutine is still not a generator: you cannot iterate over it, and like a generator it must be started with `send(None)` before it can receive anything.

# %%
fresh = native()

# %% tags=["raises-exception"]
fresh.send(1)

# %%
fresh.close()
print("closed without running")

# %% [markdown]
# In practice nobody calls `send` on native coroutines: an *event loop* does.
# `asyncio.run(coro)` creates a loop, runs the coroutine until it finishes, and returns its result.
# `await asyncio.sleep(delay, result=...)` suspends the coroutine, lets the loop run other work, and resumes after the delay with `result`.
# The primer's echo example never returns, which is why its `asyncio.run` is commented out:

# %%
import asyncio

async def async_echo():
    while True:
        value = await asyncio.sleep(1, result="Hello async!")
        print(value)

# asyncio.run(async_echo())

# %% [markdown]
# A bounded version with a short delay runs to completion.

# %%
async def async_echo_times(times):
    for _ in range(times):
        value = await asyncio.sleep(0.01, result="Hello async!")
        print(value)
    return times

asyncio.run(async_echo_times(3))

# %% [markdown]
# ### Many coroutines at once
#
# `asyncio.gather` runs several coroutines concurrently and returns their results in the order they were given, whatever order they finish in.
# `asyncio.create_task` starts a coroutine running in the background as a *task*, which we can `await` later.

# %%
async def job(name, delay):
    await asyncio.sleep(delay)
    print("finished", name)
    return name.upper()

async def run_jobs():
    return await asyncio.gather(job("slow", 0.05), job("fast", 0.01), job("medium", 0.03))

asyncio.run(run_jobs())

# %%
async def background():
    task = asyncio.create_task(job("background", 0.02))
    print("task created; main keeps going")
    await asyncio.sleep(0)
    print("main awaits the task")
    result = await task
    print("task result:", result)

asyncio.run(background())

# %% [markdown]
# ### Mixing generators and async coroutines
#
# Ordinary generators still have their place inside async code: here a generator produces the values, and an async consumer awaits between them.

# %%
import asyncio

def sync_gen():
    for i in range(3):
        yield i

async def async_consumer():
    for value in sync_gen():
        await asyncio.sleep(0.5)
        print(f"Async received: {value}")

# asyncio.run(async_consumer())

# %% [markdown]
# Running `async_consumer` takes 1.5 seconds; the same pipeline with shorter sleeps shows the behaviour in a moment.

# %%
async def quick_consumer():
    for value in sync_gen():
        await asyncio.sleep(0.01)
        print(f"Async received: {value}")

asyncio.run(quick_consumer())

# %% [markdown]
# **Key point:** the ideas of this course (yielding control, sending data in, handling errors at suspension points) are the foundation of `asyncio` and of `async`/`await`, which add a standard event loop and a richer ecosystem.
#
# ## Glossary
#
# - **`async`/`await`:** keywords for defining native coroutines (`async def`) and for suspending them until an awaitable is ready (`await`), usually under `asyncio`.
# - **`asyncio`:** the standard library for single-threaded concurrent code with coroutines, multiplexing I/O over an event loop.
#
# ## Further exploration
#
# - `asyncio` documentation: https://docs.python.org/3/library/asyncio.html
# - PEP 492, coroutines with `async` and `await` syntax: https://peps.python.org/pep-0492/
# - PEP 380, syntax for delegating to a sub-generator: https://peps.python.org/pep-0380/
#
# **Course summary:** we started from generators, turned them into coroutines with `.send()`, controlled them with `.close()` and `.throw()`, chained them into pipelines, and scheduled them cooperatively.
# Modern Python uses `async`/`await`, but these foundations explain what an event loop actually does with your coroutines.
#
# ## Final reflection
#
# What is the most significant thing you learned about coroutines and concurrency in this course?
# How will it change the way you write asynchronous code, even when you use `asyncio` rather than hand-written generators?
