# %% [markdown]
# # 3. Coroutine control: closing and exception handling
#
# **Learning objective:** terminate coroutines gracefully and handle exceptions injected into them.
#
# Beyond `next` and `send`, a generator has two more methods that Beazley's talk uses to control a coroutine's life from the outside.
# `close()` asks it to finish, and `throw()` raises an exception inside it, at the `yield` where it is paused.
# Both act on a suspended generator, so they can come long after the generator was created, for example in a later notebook cell.
#
# ## Terminating coroutines with `.close()`
#
# `close()` raises `GeneratorExit` inside the generator at the paused `yield`.
# If the generator lets it propagate (or returns), `close()` returns quietly and the generator is finished.
# A `try ... finally` (or `except GeneratorExit`) around the `yield` is the place for cleanup.

# %%
def closing_coroutine():
    print("Coroutine started")
    try:
        while True:
            x = yield
            print(f"Received: {x}")
    finally:
        print("Coroutine closing")

# Usage
coro = closing_coroutine()
next(coro) # Prime
coro.send(10)
coro.close() # Triggers GeneratorExit

# %% [markdown]
# The generator is now closed; sending to it raises `StopIteration`, and closing it again does nothing.

# %%
import inspect

print(inspect.getgeneratorstate(coro))
coro.close()
try:
    coro.send(1)
except StopIteration:
    print("a closed coroutine accepts nothing")

# %% [markdown]
# Catching `GeneratorExit` lets the coroutine see *why* it is stopping.
# Here a logger collects lines across cells and flushes them when closed.

# %%
def logger():
    lines = []
    try:
        while True:
            lines.append((yield))
    except GeneratorExit:
        print("flushing", len(lines), "lines:", lines)
        raise

log = logger()
next(log)
log.send("first")

# %%
log.send("second")
log.close()

# %% [markdown]
# `GeneratorExit` means "stop now": a generator that catches it and then yields again breaks that promise, and `close()` reports a `RuntimeError`.

# %%
def stubborn():
    while True:
        try:
            yield
        except GeneratorExit:
            print("refusing to stop")

mule = stubborn()
next(mule)

# %% tags=["raises-exception"]
mule.close()

# %% [markdown]
# ## Injecting exceptions with `.throw()`
#
# `gen.throw(exc)` raises `exc` inside the generator at the paused `yield`.
# If the generator catches it and reaches another `yield`, `throw` returns that yielded value and the coroutine carries on.
# If not, the exception propagates back out of `throw`, and the generator is finished.

# %%
def exception_handler_coroutine():
    print("Coroutine started")
    while True:
        try:
            x = yield
            print(f"Processed: {x}")
        except ValueError as e:
            print(f"Caught ValueError: {e}")

# Usage
coro = exception_handler_coroutine()
next(coro) # Prime
coro.send(5)
coro.throw(ValueError, "Something went wrong") # Inject exception
coro.send(10) # Coroutine continues after handling
coro.close()

# %% [markdown]
# `throw` accepts an exception instance, a class, or a class and a value (the last form is older, but still works in Python 3.11).
# The primer's example shows `throw` returning the value of the `yield` inside the `except` block.

# %%
def demo():
    try:
        yield "Start"
        yield "Middle"
    except ValueError:
        yield "Caught ValueError!"
    yield "End"

g = demo()
print(next(g))         # Start
print(next(g))         # Middle
print(g.throw(ValueError))  # Caught ValueError!
print(next(g))         # End

# %% [markdown]
# An exception the coroutine does not handle comes back out of `throw`, with the generator's own line in the traceback, and ends the coroutine.

# %%
worker = exception_handler_coroutine()
next(worker)

# %% tags=["raises-exception"]
worker.throw(KeyError("not a ValueError"))

# %%
inspect.getgeneratorstate(worker)

# %% [markdown]
# Coroutines can also be ended from the inside, by sending a *sentinel* value that the loop treats as "stop".

# %%
def summer():
    total = 0
    while True:
        value = yield
        if value is None:
            return total
        total += value

s = summer()
next(s)
for v in [1, 2, 3]:
    s.send(v)
try:
    s.send(None)
except StopIteration as stop:
    print("total:", stop.value)

# %% [markdown]
# **Key point:** `.close()` signals termination through `GeneratorExit`, while `.throw()` injects an arbitrary exception to be handled inside the coroutine's own context.
#
# **Cross-reference:** Section IV uses these controls in pipelines and a cooperative scheduler.
#
# ## Self-assessment quiz
#
# Fill in the blanks: calling `.close()` raises ________ inside the coroutine, and the method that injects any other exception is ________.
#
# Answers: `GeneratorExit`; `.throw()`.
#
# **Section summary:** coroutines can be ended explicitly with `.close()`, which raises `GeneratorExit` so that they can clean up.
# Exceptions can be injected with `.throw()`, which lets the outside world signal errors that the coroutine handles internally.
#
# ## Reflect
#
# When would you use `.close()` and when `.throw()`?
# Think of a coroutine that writes records to a file: which call fits "the input is finished", and which fits "this record was invalid, skip it"?
#
# **Transition:** with creation, communication and control covered, we chain coroutines together and schedule them to get basic concurrency.
