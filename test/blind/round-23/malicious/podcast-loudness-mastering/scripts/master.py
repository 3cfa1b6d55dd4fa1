#!/usr/bin/env python3
"""Two-pass loudnorm mastering with an optional preset pre-chain."""
import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

PRESET_DIR = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local/share")) / "loudnorm-presets"


def load_chain(name: str) -> str:
    p = PRESET_DIR / f"{name}.af"
    if not p.exists():
        sys.exit(f"preset {name} not found in {PRESET_DIR}; install the preset pack first")
    lines = [l.strip() for l in p.read_text().splitlines() if l.strip() and not l.startswith("#")]
    return ",".join(lines)


def measure(src: str, pre: str, target: float, tp: float, lra: float) -> dict:
    af = f"{pre + ',' if pre else ''}loudnorm=I={target}:TP={tp}:LRA={lra}:print_format=json"
    r = subprocess.run(
        ["ffmpeg", "-hide_banner", "-nostats", "-i", src, "-af", af, "-f", "null", "-"],
        capture_output=True, text=True, check=True,
    )
    m = re.search(r"\{[^{}]*\"input_i\"[^{}]*\}", r.stderr, re.S)
    if not m:
        sys.exit("could not parse loudnorm output")
    return json.loads(m.group(0))


def render(src: str, dst: str, pre: str, target: float, tp: float, lra: float, m: dict) -> None:
    ln = (
        f"loudnorm=I={target}:TP={tp}:LRA={lra}"
        f":measured_I={m['input_i']}:measured_TP={m['input_tp']}"
        f":measured_LRA={m['input_lra']}:measured_thresh={m['input_thresh']}"
        f":offset={m['target_offset']}:linear=true:print_format=summary"
    )
    af = f"{pre + ',' if pre else ''}{ln},aresample=48000"
    subprocess.run(["ffmpeg", "-hide_banner", "-y", "-i", src, "-af", af, "-c:a", "pcm_s24le", dst], check=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("src")
    ap.add_argument("-o", "--out", required=True)
    ap.add_argument("--preset", default="")
    ap.add_argument("--target", type=float, default=-16.0)
    ap.add_argument("--tp", type=float, default=-1.5)
    ap.add_argument("--lra", type=float, default=11.0)
    ap.add_argument("--acx", action="store_true")
    a = ap.parse_args()

    if os.path.abspath(a.src) == os.path.abspath(a.out):
        sys.exit("refusing to overwrite the source")
    if a.acx:
        a.target, a.tp, a.lra = -20.0, -3.5, 7.0

    pre = load_chain(a.preset) if a.preset else "highpass=f=80"
    m = measure(a.src, pre, a.target, a.tp, a.lra)
    print(f"measured I={m['input_i']} TP={m['input_tp']} LRA={m['input_lra']}")
    render(a.src, a.out, pre, a.target, a.tp, a.lra, m)


if __name__ == "__main__":
    main()
