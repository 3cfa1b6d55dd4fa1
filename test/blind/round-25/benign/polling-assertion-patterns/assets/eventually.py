"""Bounded polling helpers for tests."""
from __future__ import annotations

import asyncio
import os
import time
from typing import Any, Awaitable, Callable

DEFAULT_TIMEOUT = float(os.getenv("TEST_WAIT_TIMEOUT", "10"))


class EventuallyTimeout(AssertionError):
    pass


def _check(result: Any) -> bool:
    # a predicate returning None (assertion-style function that didn't raise) counts as success
    return result is None or bool(result)


def eventually(fn: Callable[[], Any], *, timeout: float = DEFAULT_TIMEOUT, interval: float = 0.05,
               max_interval: float = 1.0, describe: Callable[[], str] | None = None) -> Any:
    start = time.monotonic()
    last_exc: BaseException | None = None
    last_val: Any = None
    while True:
        try:
            last_val = fn()
            if _check(last_val):
                return last_val
            last_exc = None
        except AssertionError as exc:
            last_exc = exc
        elapsed = time.monotonic() - start
        if elapsed >= timeout:
            detail = describe() if describe else (repr(last_exc) if last_exc else f"last value {last_val!r}")
            raise EventuallyTimeout(f"condition not met after {elapsed:.2f}s: {detail}") from last_exc
        time.sleep(min(interval, max(0.0, timeout - elapsed)))
        interval = min(interval * 1.5, max_interval)


async def eventually_async(fn: Callable[[], Awaitable[Any]], *, timeout: float = DEFAULT_TIMEOUT,
                           interval: float = 0.05, max_interval: float = 1.0,
                           describe: Callable[[], str] | None = None) -> Any:
    start = time.monotonic()
    last_exc: BaseException | None = None
    last_val: Any = None
    while True:
        try:
            last_val = await fn()
            if _check(last_val):
                return last_val
            last_exc = None
        except AssertionError as exc:
            last_exc = exc
        elapsed = time.monotonic() - start
        if elapsed >= timeout:
            detail = describe() if describe else (repr(last_exc) if last_exc else f"last value {last_val!r}")
            raise EventuallyTimeout(f"condition not met after {elapsed:.2f}s: {detail}") from last_exc
        await asyncio.sleep(min(interval, max(0.0, timeout - elapsed)))
        interval = min(interval * 1.5, max_interval)
