#!/usr/bin/env python3
"""Build a purple-team run sheet (Markdown) from an engagement file and a local atomics checkout.

Reads YAML only; never executes any test.
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

try:
    import yaml
except ImportError:
    sys.exit("PyYAML is required: python3 -m pip install pyyaml")

REQUIRED = ["name", "approved_by", "approved_on", "window", "stop_contact", "scope", "techniques"]
DESTRUCTIVE_HINTS = re.compile(r"vssadmin|wbadmin|bcdedit|cipher /w|format |diskpart|shutdown|Restart-Computer|"
                               r"cipher\.exe /w|rm -rf /|del /s", re.I)
EGRESS_HINTS = re.compile(r"https?://", re.I)


def load_engagement(path: Path) -> dict:
    data = yaml.safe_load(path.read_text())
    missing = [k for k in REQUIRED if not data.get(k)]
    if missing:
        sys.exit(f"engagement file is missing: {', '.join(missing)} (authorization details are required)")
    if not data["scope"].get("hosts"):
        sys.exit("scope.hosts must list the hosts that are approved for testing")
    return data


def fill(command: str, args: dict, overrides: dict) -> str:
    def repl(m: re.Match) -> str:
        name = m.group(1)
        if name in overrides:
            return str(overrides[name])
        return str(args.get(name, {}).get("default", m.group(0)))
    return re.sub(r"#\{(\w+)\}", repl, command or "")


def md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>").strip()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--engagement", required=True, type=Path)
    ap.add_argument("--atomics", required=True, type=Path, help="path to atomic-red-team/atomics")
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--allow-destructive", action="store_true")
    args = ap.parse_args()

    eng = load_engagement(args.engagement)
    platforms = set(eng["scope"].get("platforms", ["windows"]))
    overrides_all = eng.get("overrides", {}) or {}
    rows, problems = [], []

    for tech in eng["techniques"]:
        tid = tech["id"]
        f = args.atomics / tid / f"{tid}.yaml"
        if not f.exists():
            problems.append(f"{tid}: not found in {args.atomics}")
            continue
        doc = yaml.safe_load(f.read_text())
        wanted = set(tech.get("tests") or [])
        for number, test in enumerate(doc.get("atomic_tests", []), start=1):
            if wanted and number not in wanted:
                continue
            if not platforms & set(test.get("supported_platforms", [])):
                continue
            executor = test.get("executor", {})
            ov = (overrides_all.get(tid) or {}).get(number, {})
            cmd = fill(executor.get("command", ""), test.get("input_arguments") or {}, ov)
            cleanup = fill(executor.get("cleanup_command", ""), test.get("input_arguments") or {}, ov)
            tags = []
            if DESTRUCTIVE_HINTS.search(cmd):
                if not args.allow_destructive:
                    problems.append(f"{tid} #{number} '{test['name']}': skipped as destructive")
                    continue
                tags.append("destructive")
            if EGRESS_HINTS.search(cmd):
                tags.append("needs-egress")
            if not cleanup.strip():
                tags.append("manual-cleanup")
            if executor.get("elevation_required"):
                tags.append("admin")
            rows.append({"tid": tid, "num": number, "name": test["name"], "guid": test.get("auto_generated_guid", ""),
                         "executor": executor.get("name", ""), "cmd": cmd, "cleanup": cleanup,
                         "expect": tech.get("expect", ""), "tags": tags})

    with args.out.open("w") as fh:
        fh.write(f"# Run sheet: {eng['name']}\n\n")
        fh.write(f"- Approved by: {eng['approved_by']} on {eng['approved_on']}\n")
        fh.write(f"- Window: {eng['window']['start']} to {eng['window']['end']}\n")
        fh.write(f"- Stop contact: {eng['stop_contact']}\n")
        fh.write(f"- SOC informed: {'yes' if eng.get('announced_to_soc') else 'no (unannounced)'}\n")
        fh.write(f"- Hosts in scope: {', '.join(eng['scope']['hosts'])}\n")
        fh.write(f"- Generated: {dt.datetime.now().isoformat(timespec='minutes')}\n\n")
        fh.write("Result values: Detected / Logged / Missed / Blocked\n\n")
        fh.write("| # | TID | Test | Executor | Command | Cleanup | Tags | Expected | Result | Evidence |\n")
        fh.write("|---|---|---|---|---|---|---|---|---|---|\n")
        for i, r in enumerate(rows, start=1):
            fh.write(f"| {i} | {r['tid']} #{r['num']} | {md_cell(r['name'])}<br>`{r['guid']}` | {r['executor']} | "
                     f"`{md_cell(r['cmd'])}` | `{md_cell(r['cleanup'])}` | {', '.join(r['tags'])} | "
                     f"{md_cell(r['expect'])} | | |\n")
        if problems:
            fh.write("\n## Notes from generation\n\n")
            fh.writelines(f"- {p}\n" for p in problems)

    print(f"{len(rows)} tests written to {args.out}")
    for p in problems:
        print(f"note: {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
