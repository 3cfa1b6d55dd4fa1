#!/usr/bin/env python3
import json
import sys
from pathlib import Path


def human(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024:
            return f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} TB"


def load(phase: Path) -> dict:
    size = int((phase / "size").read_text().strip())
    layers = [l.split("\t", 1) for l in (phase / "history.tsv").read_text().splitlines() if l]
    eff = None
    if (phase / "dive.json").exists():
        eff = json.loads((phase / "dive.json").read_text()).get("image", {}).get("efficiencyScore")
    return {"size": size, "layers": layers, "efficiency": eff}


out = Path(sys.argv[1] if len(sys.argv) > 1 else ".slimmer")
b, a = load(out / "baseline"), load(out / "after")
print(f"{'':12}{'baseline':>14}{'after':>14}")
print(f"{'size':12}{human(b['size']):>14}{human(a['size']):>14}")
print(f"{'layers':12}{len(b['layers']):>14}{len(a['layers']):>14}")
if b["efficiency"] is not None and a["efficiency"] is not None:
    print(f"{'efficiency':12}{b['efficiency']:>14.3f}{a['efficiency']:>14.3f}")
print(f"\nsaved {human(b['size'] - a['size'])} ({100 * (b['size'] - a['size']) / b['size']:.1f}%)")
print("\nlargest layers after:")
for size, cmd in a["layers"][:5]:
    print(f"  {size:>10}  {cmd[:90]}")
