# %% [markdown]
# # 1. Foundations: generators and `yield`
#
# **Learning objective:** understand Python generators, the `yield` keyword, and how they give us lazy evaluation and iteration.
#
# A regular function runs from its first line to a `return`, hands back one value, and forgets everything: its local variables are gone.
# A *generator function* is a function whose body contains `yield`.
# Calling it does not run the body at all; it returns a *generator object* that remembers where it stopped.
# Each time we ask it for a value, it runs until the next `yield`, hands that value out, and pauses right there, locals and all.
# The next request resumes it on the line after that `yield`.
#
# Here is the smallest useful example, a generator of the numbers `0, 1, 2`.

# %%
def numbers():
    yield 0
    yield 1
    yield 2

list(numbers())

# %% [markdown]
# ## Understanding generator functions
#
# Calling a generator function creates the generator and runs **nothing** of its body.
# The `print` below does not happen until the first `next()`.

# %%
def countdown(n):
    print(f"starting countdown from {n}")
    while n > 0:
        yield n
        n -= 1
    print("liftoff!")

launch = countdown(3)
print("the generator exists, but its body has not started")

# %% [markdown]
# `next(launch)` runs the body up to the first `yield`, and the yielded value is what `next` returns.
# The generator then sits suspended, in this session, until we ask again, even from another cell.

# %%
next(launch)

# %%
next(launch)

# %% [markdown]
# Between the two calls, `n` kept its value: the generator's local variables and its position in the code are saved while it is suspended.
# A `for` loop calls `next()` for us until the generator is exhausted, so it picks up exactly where we left off.

# %%
for value in launch:
    print("for loop got", value)

# %% [markdown]
# When the body finishes, the generator raises `StopIteration`.
# A `for` loop treats that as "no more values"; a bare `next()` lets it escape.
# `next(gen, default)` returns the default instead.

# %%
next(launch, "no more values")

# %% tags=["raises-exception"]
next(launch)

# %% [markdown]
# ### The `yield` keyword
#
# `yield value` does two things: it produces `value` for the caller, and it suspends the generator at that point.
# `return` in a regular function ends the call for good; `return` in a generator also ends it, and any value it returns travels inside the `StopIteration`.

# %%
def first_words(text):
    for word in text.split():
        if word == "STOP":
            return "stopped early"
        yield word

words = first_words("yield pauses STOP never reached")
print(next(words), next(words))
try:
    next(words)
except StopIteration as stop:
    print("StopIteration carries:", stop.value)

# %% [markdown]
# ### Illustrative example
#
# The course's basic example: a generator that yields `0` up to `n - 1`, driven with `next()` and then with a `for` loop.

# %%
def simple_generator(n):
    i = 0
    while i < n:
        yield i
        i += 1

# Using the generator
gen = simple_generator(3)
print(next(gen)) # Output: 0
print(next(gen)) # Output: 1
# Using in a loop
# for value in simple_generator(3):
#    print(value)

# %% [markdown]
# `gen` is still suspended after yielding `1`.
# The loop in the comment uses a *new* generator, so it starts again from `0`:

# %%
for value in simple_generator(3):
   print(value)

# %% [markdown]
# The old `gen` has one value left.

# %%
next(gen)

# %% [markdown]
# ## Generator iterators and state
#
# The generator *function* is a recipe; each call makes a new, independent generator-*iterator* object.
# That object is its own iterator (`iter(gen) is gen`), and it carries the saved state: the local variables and the place where the code paused.
# `inspect.getgeneratorstate` names the state, and `inspect.getgeneratorlocals` shows the saved locals.

# %%
import inspect

tracked = simple_generator(5)
print(inspect.getgeneratorstate(tracked), inspect.getgeneratorlocals(tracked))
next(tracked)
next(tracked)
print(inspect.getgeneratorstate(tracked), inspect.getgeneratorlocals(tracked))
print(iter(tracked) is tracked)

# %%
other = simple_generator(5)
print(next(other), next(tracked))
print(inspect.getgeneratorlocals(other), inspect.getgeneratorlocals(tracked))

# %% [markdown]
# **Key point:** generators produce values lazily, computing each one only when it is requested.
# A generator over a million numbers holds one number at a time, not a list of a million.

# %%
def squares(limit):
    for i in range(limit):
        yield i * i

lazy = squares(10**6)
print(next(lazy), next(lazy), next(lazy))
print(sum(squares(1000)))

# %% [markdown]
# **Cross-reference:** Section II shows how `yield` turns into a communication point in coroutines.
#
# ## Self-assessment quiz
#
# What does calling `countdown(3)` do?
#
# - A. It prints `starting countdown from 3` and returns `3`.
# - B. It returns a generator object and runs none of the body.
# - C. It runs the whole body and returns the list `[3, 2, 1]`.
# - D. It raises `StopIteration` because nothing called `next()`.
#
# Answer: **B**.
# The body starts running at the first `next()`, pauses at each `yield`, and resumes on the line after it.
#
# ## Further exploration
#
# - The Python documentation on generators: https://docs.python.org/3/howto/functional.html#generators
# - The `yield` expression in the language reference: https://docs.python.org/3/reference/expressions.html#yield-expressions
#
# **Section summary:** generators are functions that use `yield` to produce a sequence of values over time, pausing and saving their state between yields.
# They are a memory-efficient way to produce iterable sequences.
#
# **Transition:** generators *produce* data with `yield`; next we see how they can also *receive* data, which turns them into coroutines.
