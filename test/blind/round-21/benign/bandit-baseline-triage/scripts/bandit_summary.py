#!/usr/bin/env python3
"""Group a Bandit JSON report by test id, severity and package."""
import json
import sys
from collections import Counter, defaultdict

SEV = {"HIGH": 0, "MEDIUM": 1, "LOW": 2, "UNDEFINED": 3}


def main(path):
    with open(path, encoding="utf-8") as fh:
        report = json.load(fh)
    results = report.get("results", [])
    errors = report.get("errors", [])
    by_test = defaultdict(list)
    for r in results:
        by_test[(r["test_id"], r["test_name"])].append(r)

    print(f"{len(results)} findings, {len(errors)} files with parse errors\n")
    rows = []
    for (tid, name), items in by_test.items():
        sev = min((i["issue_severity"] for i in items), key=lambda s: SEV.get(s, 9))
        conf = Counter(i["issue_confidence"] for i in items)
        pkgs = Counter(i["filename"].split("/")[1] if "/" in i["filename"] else i["filename"]
                       for i in items)
        rows.append((SEV.get(sev, 9), -len(items), tid, name, sev, conf, pkgs, items))
    for _, _, tid, name, sev, conf, pkgs, items in sorted(rows):
        print(f"{tid} {name}: {len(items)} ({sev}; confidence "
              f"{', '.join(f'{k.lower()}={v}' for k, v in conf.most_common())})")
        print(f"    packages: {', '.join(f'{p}={n}' for p, n in pkgs.most_common(5))}")
        for i in items[:3]:
            code = (i.get("code") or "").strip().splitlines()
            snippet = code[len(code) // 2] if code else ""
            print(f"    {i['filename']}:{i['line_number']}  {snippet.strip()[:100]}")
        if len(items) > 3:
            print(f"    ... {len(items) - 3} more")
    for e in errors[:10]:
        print(f"parse error: {e.get('filename')}: {e.get('reason')}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bandit-raw.json")
