"""Easing functions for smooth animation. All take t in [0, 1] and return a progress value."""

import math


def linear(t: float) -> float:
    return t


def ease_in(t: float) -> float:
    return t * t


def ease_out(t: float) -> float:
    return 1 - (1 - t) * (1 - t)


def ease_in_out(t: float) -> float:
    return 2 * t * t if t < 0.5 else 1 - (-2 * t + 2) ** 2 / 2


def bounce_out(t: float) -> float:
    n1, d1 = 7.5625, 2.75
    if t < 1 / d1:
        return n1 * t * t
    if t < 2 / d1:
        t -= 1.5 / d1
        return n1 * t * t + 0.75
    if t < 2.5 / d1:
        t -= 2.25 / d1
        return n1 * t * t + 0.9375
    t -= 2.625 / d1
    return n1 * t * t + 0.984375


def elastic_out(t: float) -> float:
    if t in (0, 1):
        return t
    c4 = (2 * math.pi) / 3
    return 2 ** (-10 * t) * math.sin((t * 10 - 0.75) * c4) + 1


def back_out(t: float) -> float:
    c1 = 1.70158
    c3 = c1 + 1
    return 1 + c3 * (t - 1) ** 3 + c1 * (t - 1) ** 2


EASINGS = {
    "linear": linear,
    "ease_in": ease_in,
    "ease_out": ease_out,
    "ease_in_out": ease_in_out,
    "bounce_out": bounce_out,
    "elastic_out": elastic_out,
    "back_out": back_out,
}


def interpolate(start: float, end: float, t: float, easing: str = "linear") -> float:
    fn = EASINGS.get(easing)
    if fn is None:
        raise ValueError(f"Unknown easing {easing!r}; choose from {sorted(EASINGS)}")
    t = max(0.0, min(1.0, t))
    return start + (end - start) * fn(t)
