import time, inspect
from collections import deque as Deque
from functools import wraps
import asyncio

print(Deque([1]).__class__.__name__)
print(callable(wraps), callable(inspect.getgeneratorstate), callable(time.sleep))
print(asyncio.run.__name__)
