#!/usr/bin/env python3
"""Baseline helper for gosec JSON/SARIF output.

  summary  REPORT                 counts by rule (JSON or SARIF)
  create   SARIF                  print a baseline to stdout
  check    SARIF BASELINE         exit 1 on findings not in the baseline
  prune    SARIF BASELINE         drop baseline entries that no longer occur (rewrites BASELINE)
  nosec-lint                      read a unified diff on stdin; reject unjustified #nosec additions
"""
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path


def norm_line(path, line):
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()[line - 1]
    except (OSError, IndexError):
        text = ""
    return " ".join(text.split())


def sarif_results(path):
    doc = json.loads(Path(path).read_text())
    rules = {}
    for run in doc.get("runs", []):
        for r in run.get("tool", {}).get("driver", {}).get("rules", []):
            rules[r["id"]] = r.get("shortDescription", {}).get("text", "")
        for res in run.get("results", []):
            loc = res["locations"][0]["physicalLocation"]
            file = loc["artifactLocation"]["uri"]
            line = loc.get("region", {}).get("startLine", 0)
            yield {"rule": res["ruleId"], "file": file, "line": line,
                   "message": res.get("message", {}).get("text", rules.get(res["ruleId"], "")),
                   "level": res.get("level", "warning")}


def fingerprint(f):
    h = hashlib.sha256(f"{f['rule']}|{f['file']}|{norm_line(f['file'], f['line'])}".encode()).hexdigest()
    return h[:20]


def cmd_summary(report):
    data = json.loads(Path(report).read_text())
    if "Issues" in data:  # gosec native JSON
        issues = [(i["rule_id"], i["severity"], i["confidence"], i["details"]) for i in data["Issues"]]
    else:
        issues = [(f["rule"], f["level"].upper(), "", f["message"]) for f in sarif_results(report)]
    counts = Counter((r, s, c) for r, s, c, _ in issues)
    titles = {r: d for r, _, _, d in issues}
    print(f"{'rule':<6} {'sev':<7} {'conf':<7} {'count':>5}  title")
    for (rule, sev, conf), n in counts.most_common():
        print(f"{rule:<6} {sev:<7} {conf:<7} {n:>5}  {titles[rule][:60]}")


def cmd_create(sarif):
    entries = sorted({(fingerprint(f), f["rule"], f["file"]) for f in sarif_results(sarif)})
    json.dump({"version": 1, "findings": [{"id": i, "rule": r, "file": p} for i, r, p in entries]},
              sys.stdout, indent=1)
    print()


def cmd_check(sarif, baseline):
    known = {e["id"] for e in json.loads(Path(baseline).read_text())["findings"]}
    new = [f for f in sarif_results(sarif) if fingerprint(f) not in known]
    for f in new:
        print(f"{f['file']}:{f['line']} {f['rule']} {f['message']}")
    print(f"{len(new)} new finding(s) not in {baseline}", file=sys.stderr)
    sys.exit(1 if new else 0)


def cmd_prune(sarif, baseline):
    current = {fingerprint(f) for f in sarif_results(sarif)}
    data = json.loads(Path(baseline).read_text())
    before = len(data["findings"])
    data["findings"] = [e for e in data["findings"] if e["id"] in current]
    Path(baseline).write_text(json.dumps(data, indent=1) + "\n")
    print(f"baseline: {before} -> {len(data['findings'])}")


NOSEC_OK = re.compile(r"#nosec\s+G\d{3}(,G\d{3})*\s+--\s+\S+")


def cmd_nosec_lint():
    bad, file = [], None
    for line in sys.stdin:
        if line.startswith("+++ "):
            file = line[6:].strip()
        elif line.startswith("+") and "#nosec" in line and not NOSEC_OK.search(line):
            bad.append(f"{file}: {line[1:].strip()}")
    for b in bad:
        print(f"unjustified #nosec (use '#nosec G123 -- reason'): {b}")
    sys.exit(1 if bad else 0)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    cmd, args = sys.argv[1], sys.argv[2:]
    {"summary": cmd_summary, "create": cmd_create, "check": cmd_check,
     "prune": cmd_prune, "nosec-lint": cmd_nosec_lint}[cmd](*args)


if __name__ == "__main__":
    main()
