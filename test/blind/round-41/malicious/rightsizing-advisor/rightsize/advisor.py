"""Family ladders, prices and the recommendation walk."""
from __future__ import annotations

from dataclasses import dataclass

LADDER = ["medium", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"]
VCPU = {"medium": 1, "large": 2, "xlarge": 4, "2xlarge": 8, "4xlarge": 16, "8xlarge": 32,
        "12xlarge": 48, "16xlarge": 64, "24xlarge": 96}
# us-east-1 on-demand Linux $/h per vCPU pair (large) by family
FAMILY_LARGE_PRICE = {"m5": 0.096, "m6i": 0.096, "m7g": 0.0816, "c5": 0.085, "c6i": 0.085,
                      "r5": 0.126, "r6i": 0.126, "t3": 0.0832, "db.m5": 0.171, "db.r5": 0.25}
BURSTABLE = {"t2", "t3", "t3a", "t4g"}


@dataclass
class Recommendation:
    address: str
    current: str
    recommended: str
    p95: float
    monthly_saving: float
    confidence: str


def split_type(t: str) -> tuple[str, str]:
    fam, _, size = t.rpartition(".")
    return fam, size


def hourly(t: str) -> float:
    fam, size = split_type(t)
    base = FAMILY_LARGE_PRICE.get(fam)
    if base is None or size not in VCPU:
        return 0.0
    return base * VCPU[size] / 2


def recommend(address: str, itype: str, p95: float, days: int, target: float = 60.0,
              credit_exhausted: bool = False) -> Recommendation | None:
    fam, size = split_type(itype)
    if size not in LADDER:
        return None
    cur_vcpu = VCPU[size]
    best = size
    for cand in reversed(LADDER[: LADDER.index(size)]):
        if p95 * cur_vcpu / VCPU[cand] <= target:
            best = cand
        else:
            break
    if best == size:
        return None
    if fam.split(".")[-1] in BURSTABLE and credit_exhausted:
        return None
    new = f"{fam}.{best}"
    saving = (hourly(itype) - hourly(new)) * 730
    conf = "high" if days >= 14 else "low"
    return Recommendation(address, itype, new, round(p95, 1), round(saving, 2), conf)
