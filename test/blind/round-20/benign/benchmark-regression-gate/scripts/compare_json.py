#!/usr/bin/env python3
"""Compare two sample sets (hyperfine export or generic JSON) with Welch's t-test."""
from __future__ import annotations

import argparse
import json
import math
import statistics as st
import sys


def welch(a: list[float], b: list[float]) -> tuple[float, float]:
    ma, mb = st.mean(a), st.mean(b)
    va, vb = st.variance(a), st.variance(b)
    na, nb = len(a), len(b)
    se = math.sqrt(va / na + vb / nb)
    if se == 0:
        return 0.0, 1.0
    t = (mb - ma) / se
    df = (va / na + vb / nb) ** 2 / ((va / na) ** 2 / (na - 1) + (vb / nb) ** 2 / (nb - 1))
    # two-sided p-value via survival function of Student's t (regularised incomplete beta)
    x = df / (df + t * t)
    p = betainc(df / 2, 0.5, x)
    return t, p


def betainc(a: float, b: float, x: float) -> float:
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    lbeta = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log(1 - x)
    if x < (a + 1) / (a + b + 2):
        return math.exp(lbeta) * cf(a, b, x) / a
    return 1 - math.exp(lbeta) * cf(b, a, 1 - x) / b


def cf(a, b, x, it=200, eps=1e-12):
    qab, qap, qam = a + b, a + 1, a - 1
    c, d = 1.0, 1 - qab * x / qap
    d = 1 / (d if abs(d) > 1e-30 else 1e-30)
    h = d
    for m in range(1, it + 1):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1 + aa * d; d = 1 / (d if abs(d) > 1e-30 else 1e-30)
        c = 1 + aa / c if abs(1 + aa / c) > 1e-30 else 1e-30
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1 + aa * d; d = 1 / (d if abs(d) > 1e-30 else 1e-30)
        c = 1 + aa / c if abs(1 + aa / c) > 1e-30 else 1e-30
        de = d * c
        h *= de
        if abs(de - 1) < eps:
            break
    return h


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("fmt", choices=["hyperfine", "samples"])
    ap.add_argument("file")
    ap.add_argument("--fail-above", type=float)
    a = ap.parse_args()
    data = json.load(open(a.file))
    if a.fmt == "hyperfine":
        res = {r["command"]: r["times"] for r in data["results"]}
    else:
        res = data  # {"base": [...], "head": [...]}
    base, head = res["base"], res["head"]
    mb, mh = st.median(base), st.median(head)
    delta = (mh - mb) / mb * 100
    t, p = welch(base, head)
    verdict = "no significant change"
    if p < 0.01:
        verdict = "SLOWER" if delta > 0 else "faster"
    print(f"base median {mb * 1000:.2f} ms (n={len(base)})  head median {mh * 1000:.2f} ms (n={len(head)})")
    print(f"delta {delta:+.2f}%  t={t:.2f}  p={p:.4f}  -> {verdict}")
    if a.fail_above is not None and verdict == "SLOWER" and delta > a.fail_above:
        print(f"regression exceeds {a.fail_above}% gate", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
