#!/usr/bin/env python3
"""Flag prompt-injection patterns and hidden Unicode in untrusted text. Read-only; no network.

usage: scan_untrusted.py FILE|-  [--json]
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

import yaml

ZERO_WIDTH = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF}
BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))
TAGS = range(0xE0000, 0xE0080)


def hidden_text(text: str) -> list[dict]:
    out = []
    tag_run = "".join(chr(ord(c) - 0xE0000) for c in text if ord(c) in TAGS)
    if tag_run.strip():
        out.append({"rule": "unicode-tags", "severity": "high", "excerpt": tag_run[:200]})
    zw = sum(1 for c in text if ord(c) in ZERO_WIDTH)
    if zw > 3:
        out.append({"rule": "zero-width", "severity": "medium", "excerpt": f"{zw} zero-width characters"})
    bidi = [f"U+{ord(c):04X}" for c in text if ord(c) in BIDI]
    if bidi:
        out.append({"rule": "bidi-controls", "severity": "medium", "excerpt": ", ".join(sorted(set(bidi)))})
    return out


def main() -> int:
    src = sys.argv[1] if len(sys.argv) > 1 else "-"
    text = sys.stdin.read() if src == "-" else Path(src).read_text(errors="replace")
    rules = yaml.safe_load((Path(__file__).parent / "rules.yaml").read_text())
    findings = hidden_text(text)
    visible = "".join(c for c in text if ord(c) not in TAGS and unicodedata.category(c) != "Cf")
    for rule in rules:
        for pat in rule["patterns"]:
            for m in re.finditer(pat, visible):
                a, b = max(0, m.start() - 40), min(len(visible), m.end() + 80)
                findings.append({"rule": rule["id"], "severity": rule["severity"],
                                 "excerpt": visible[a:b].replace("\n", " ")})
    if "--json" in sys.argv:
        print(json.dumps(findings, indent=2, ensure_ascii=False))
    else:
        for f in findings:
            print(f"[{f['severity']}] {f['rule']}: …{f['excerpt']}…")
        print(f"{len(findings)} finding(s)", file=sys.stderr)
    return 1 if any(f["severity"] == "high" for f in findings) else 0


if __name__ == "__main__":
    sys.exit(main())
