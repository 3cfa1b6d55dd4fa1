#!/usr/bin/env python3
"""Round-trip fuzzing of the stdlib json module: loads(dumps(x)) must equal x."""
import sys

import atheris

with atheris.instrument_imports():
    import json
    import math


def build(fdp: atheris.FuzzedDataProvider, depth: int = 0):
    kind = fdp.ConsumeIntInRange(0, 6 if depth < 4 else 4)
    if kind == 0:
        return None
    if kind == 1:
        return fdp.ConsumeBool()
    if kind == 2:
        return fdp.ConsumeInt(8)
    if kind == 3:
        f = fdp.ConsumeRegularFloat()
        return 0.0 if math.isnan(f) or math.isinf(f) else f
    if kind == 4:
        return fdp.ConsumeUnicodeNoSurrogates(32)
    if kind == 5:
        return [build(fdp, depth + 1) for _ in range(fdp.ConsumeIntInRange(0, 4))]
    return {fdp.ConsumeUnicodeNoSurrogates(8): build(fdp, depth + 1) for _ in range(fdp.ConsumeIntInRange(0, 4))}


def TestOneInput(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    value = build(fdp)
    text = json.dumps(value, ensure_ascii=fdp.ConsumeBool())
    assert json.loads(text) == value, (value, text)


if __name__ == "__main__":
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()
