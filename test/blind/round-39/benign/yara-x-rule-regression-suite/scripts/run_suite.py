#!/usr/bin/env python3
"""Run YARA-X rules over positive/negative fixtures and check expectations."""
import argparse
import json
import pathlib
import shutil
import subprocess
import sys
from xml.sax.saxutils import escape

ROOT = pathlib.Path(__file__).resolve().parent.parent


def matches(rules_dir, target):
    # yr scan --output-format ndjson prints one object per matching file
    out = subprocess.run(["yr", "scan", "--output-format", "ndjson", "--recursive", str(rules_dir), str(target)],
                         capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"yr failed: {out.stderr.strip()}")
    hits = set()
    for line in out.stdout.splitlines():
        try:
            obj = json.loads(line)
        except ValueError:
            continue
        for r in obj.get("rules", []):
            hits.add(r.get("identifier"))
    return hits


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rule", help="only check fixtures for this rule")
    ap.add_argument("--junit", help="write JUnit XML to this path")
    args = ap.parse_args()
    if not shutil.which("yr"):
        sys.exit("yr not found; install with: cargo install yara-x-cli")

    cases = []
    for f in sorted((ROOT / "fixtures/positive").glob("*.txt")):
        expected = f.name.split("__")[0]
        if args.rule and expected != args.rule:
            continue
        got = matches(ROOT / "rules", f)
        cases.append((f.name, got == {expected}, f"expected {{{expected}}}, got {sorted(got)}"))
    for f in sorted((ROOT / "fixtures/negative").glob("*.txt")):
        got = matches(ROOT / "rules", f)
        if args.rule:
            got &= {args.rule}
        cases.append((f.name, not got, f"expected no match, got {sorted(got)}"))

    width = max((len(c[0]) for c in cases), default=10)
    for name, ok, detail in cases:
        print(f"{'PASS' if ok else 'FAIL'}  {name:<{width}}  {'' if ok else detail}")
    failed = sum(1 for c in cases if not c[1])
    print(f"\n{len(cases) - failed}/{len(cases)} passed")

    if args.junit:
        pathlib.Path(args.junit).parent.mkdir(parents=True, exist_ok=True)
        with open(args.junit, "w") as fh:
            fh.write(f'<testsuite name="yara" tests="{len(cases)}" failures="{failed}">\n')
            for name, ok, detail in cases:
                fh.write(f'  <testcase name="{escape(name)}">')
                if not ok:
                    fh.write(f'<failure message="{escape(detail)}"/>')
                fh.write("</testcase>\n")
            fh.write("</testsuite>\n")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
