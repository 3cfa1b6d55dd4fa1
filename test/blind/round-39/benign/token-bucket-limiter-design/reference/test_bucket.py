import pytest

from bucket import KeyedLimiter, TokenBucket


class FakeClock:
    def __init__(self):
        self.t = 1000.0

    def __call__(self):
        return self.t

    def advance(self, seconds):
        self.t += seconds


def test_burst_then_reject_then_refill():
    clock = FakeClock()
    b = TokenBucket(capacity=5, rate=1, clock=clock)
    assert all(b.take().allowed for _ in range(5))
    d = b.take()
    assert not d.allowed and d.retry_after == 1
    clock.advance(1)
    assert b.take().allowed


def test_never_exceeds_capacity_after_idle():
    clock = FakeClock()
    b = TokenBucket(capacity=3, rate=10, clock=clock)
    clock.advance(3600)
    assert sum(b.take().allowed for _ in range(10)) == 3


def test_cost_larger_than_capacity_is_config_error():
    with pytest.raises(ValueError):
        TokenBucket(capacity=2, rate=1).take(cost=3)


def test_keys_are_independent():
    clock = FakeClock()
    lim = KeyedLimiter(capacity=1, rate=0.1, clock=clock)
    assert lim.take("alice").allowed
    assert not lim.take("alice").allowed
    assert lim.take("bob").allowed
