#!/usr/bin/env python3
"""Compare two `forge inspect <C> storageLayout --json` outputs and flag upgrade collisions."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

GAP = re.compile(r"^_*gap$|^__gap$")


def load(path: str):
    data = json.loads(Path(path).read_text())
    types = data.get("types") or {}
    rows = []
    for v in data.get("storage") or []:
        t = types.get(v["type"], {})
        rows.append({
            "slot": int(v["slot"]), "offset": int(v["offset"]), "label": v["label"],
            "contract": v["contract"].split(":")[-1], "type": t.get("label", v["type"]),
            "bytes": int(t.get("numberOfBytes", 32)), "encoding": t.get("encoding", "inplace"),
            "value": types.get(t.get("value", ""), {}).get("label"),
            "members": [m["label"] + ":" + types.get(m["type"], {}).get("label", m["type"])
                        for m in t.get("members") or []],
        })
    rows.sort(key=lambda r: (r["slot"], r["offset"]))
    return rows


def slots_used(r) -> int:
    return max(1, (r["bytes"] + 31) // 32) if r["encoding"] == "inplace" else 1


def key(r) -> str:
    return f'{r["contract"]}.{r["label"]}'


def describe(r) -> str:
    return f'{key(r)} ({r["type"]})' if r else "-"


def main() -> int:
    if len(sys.argv) != 3:
        sys.exit("usage: layout_diff.py BASE.json HEAD.json")
    base, head = load(sys.argv[1]), load(sys.argv[2])
    base_by_pos = {(r["slot"], r["offset"]): r for r in base}
    head_by_pos = {(r["slot"], r["offset"]): r for r in head}
    head_by_key = {key(r): r for r in head}
    base_end = max((r["slot"] + slots_used(r) for r in base), default=0)
    collisions = warnings = 0
    rows = []

    for pos in sorted(set(base_by_pos) | set(head_by_pos)):
        b, h = base_by_pos.get(pos), head_by_pos.get(pos)
        verdict = "ok"
        if b and not h:
            moved = head_by_key.get(key(b))
            verdict = f"COLLISION: removed (now at slot {moved['slot']})" if moved else "COLLISION: variable removed"
        elif h and not b:
            if pos[0] >= base_end:
                verdict = "ok: appended"
            else:
                verdict = "COLLISION: new variable inside existing layout"
        elif b and h:
            same_var = key(b) == key(h) or (b["label"] != h["label"] and b["type"] == h["type"] and b["contract"] == h["contract"])
            if GAP.match(b["label"]) and GAP.match(h["label"]):
                if b["bytes"] != h["bytes"]:
                    verdict = f"gap {b['type']} -> {h['type']} (check below)"
            elif not same_var:
                verdict = "COLLISION: different variable in slot"
            elif b["bytes"] != h["bytes"] or b["encoding"] != h["encoding"]:
                verdict = f"COLLISION: size/encoding changed {b['type']} -> {h['type']}"
            elif b["value"] != h["value"]:
                verdict = f"COLLISION: element type changed {b['value']} -> {h['value']}"
            elif b["members"] != h["members"]:
                appended = h["members"][: len(b["members"])] == b["members"]
                verdict = "warn: struct members appended" if appended else "COLLISION: struct members changed"
            elif b["type"] != h["type"]:
                verdict = f"warn: type {b['type']} -> {h['type']} (same size)"
            elif b["label"] != h["label"]:
                verdict = f"ok: renamed {b['label']} -> {h['label']}"
        collisions += verdict.startswith("COLLISION")
        warnings += verdict.startswith("warn")
        rows.append((pos, b, h, verdict))

    # Gap accounting per contract: slots added before a gap must equal the gap shrink.
    for contract in sorted({r["contract"] for r in base}):
        bg = [r for r in base if r["contract"] == contract and GAP.match(r["label"])]
        hg = [r for r in head if r["contract"] == contract and GAP.match(r["label"])]
        if not bg or not hg:
            continue
        b_vars = sum(slots_used(r) for r in base if r["contract"] == contract and not GAP.match(r["label"]))
        h_vars = sum(slots_used(r) for r in head if r["contract"] == contract and not GAP.match(r["label"]))
        added, shrink = h_vars - b_vars, slots_used(bg[0]) - slots_used(hg[0])
        if added != shrink or bg[0]["slot"] + slots_used(bg[0]) != hg[0]["slot"] + slots_used(hg[0]):
            collisions += 1
            rows.append(((hg[0]["slot"], 0), bg[0], hg[0],
                         f"COLLISION: {contract} added {added} slot(s) but gap shrank by {shrink}"))

    print(f"{'slot':>5} {'off':>4}  {'base':<40} {'head':<40} verdict")
    for (slot, off), b, h, verdict in rows:
        print(f"{slot:>5} {off:>4}  {describe(b):<40} {describe(h):<40} {verdict}")

    for path in sys.argv[1:]:
        src_hint = Path(path).with_suffix(".sol")
        if src_hint.exists() and "erc7201" in src_hint.read_text():
            print(f"note: {src_hint} uses ERC-7201 namespaces; check namespaced structs by hand")
    print("\nreminder: namespaced (ERC-7201) storage is not in forge's layout — verify those structs manually")
    print(f"{collisions} collision(s), {warnings} warning(s)")
    return 1 if collisions else 0


if __name__ == "__main__":
    sys.exit(main())
