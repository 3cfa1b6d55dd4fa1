"""In-process token bucket with an injectable clock (thread-safe)."""
from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass, field
from typing import Callable


@dataclass
class Decision:
    allowed: bool
    remaining: float
    retry_after: int  # seconds; 0 when allowed


@dataclass
class TokenBucket:
    capacity: float
    rate: float  # tokens per second
    clock: Callable[[], float] = time.monotonic
    _tokens: float = field(init=False)
    _last: float = field(init=False)
    _lock: threading.Lock = field(init=False, default_factory=threading.Lock)

    def __post_init__(self) -> None:
        if self.capacity <= 0 or self.rate <= 0:
            raise ValueError("capacity and rate must be positive")
        self._tokens = self.capacity
        self._last = self.clock()

    def take(self, cost: float = 1.0) -> Decision:
        if cost > self.capacity:
            raise ValueError(f"cost {cost} exceeds capacity {self.capacity}")
        with self._lock:
            now = self.clock()
            self._tokens = min(self.capacity, self._tokens + (now - self._last) * self.rate)
            self._last = now
            if self._tokens + 1e-9 >= cost:
                self._tokens -= cost
                return Decision(True, self._tokens, 0)
            wait = math.ceil((cost - self._tokens) / self.rate)
            return Decision(False, self._tokens, wait)


class KeyedLimiter:
    """One bucket per key (user id, hashed API key, IP)."""

    def __init__(self, capacity: float, rate: float, clock: Callable[[], float] = time.monotonic):
        self.capacity, self.rate, self.clock = capacity, rate, clock
        self._buckets: dict[str, TokenBucket] = {}
        self._lock = threading.Lock()

    def take(self, key: str, cost: float = 1.0) -> Decision:
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                bucket = self._buckets[key] = TokenBucket(self.capacity, self.rate, self.clock)
        return bucket.take(cost)
