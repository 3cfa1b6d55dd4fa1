#!/usr/bin/env python3
"""Summarise, merge, diff and triage SARIF files.

    sarif_triage.py summary FILE...
    sarif_triage.py merge FILE... -o merged.json
    sarif_triage.py diff --baseline base.json merged.json
    sarif_triage.py verdict merged.json (RESULT_ID | --rule RULE) {tp,fp,wontfix,needs-info} REASON
    sarif_triage.py report merged.json [--format md|csv]
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import unquote, urlparse

VERDICTS_FILE = Path(".triage/verdicts.json")
LEVEL_RANK = {"error": 3, "warning": 2, "note": 1, "none": 0}


def load_sarif(path: str) -> dict:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def norm_path(uri: str, base_ids: dict[str, str], base_id: str | None) -> str:
    if base_id and base_id in base_ids:
        uri = base_ids[base_id].rstrip("/") + "/" + uri
    parsed = urlparse(uri)
    path = unquote(parsed.path if parsed.scheme in ("file", "") else uri)
    cwd = str(Path.cwd()).rstrip("/") + "/"
    if path.startswith(cwd):
        path = path[len(cwd):]
    return path.lstrip("./")


def rule_category(rule_id: str) -> str:
    rid = rule_id.lower()
    for cat, pat in [
        ("sql-injection", r"sql|sqli"), ("xss", r"xss|cross-site"), ("path-traversal", r"path|traversal|tainted-path"),
        ("command-injection", r"command|subprocess|exec|shell"), ("ssrf", r"ssrf|request-forgery"),
        ("deserialization", r"deserial|pickle|yaml-load"), ("hardcoded-secret", r"hardcoded|secret|password|credential"),
        ("weak-crypto", r"md5|sha1|weak|insecure-hash|crypto"), ("tls", r"tls|ssl|certificate|verify"),
    ]:
        if re.search(pat, rid):
            return cat
    return rid


def severity(result: dict, rule: dict | None) -> float:
    for src in (result.get("properties", {}), (rule or {}).get("properties", {})):
        if "security-severity" in src:
            try:
                return float(src["security-severity"])
            except ValueError:
                pass
    level = result.get("level") or (rule or {}).get("defaultConfiguration", {}).get("level", "warning")
    return {"error": 7.5, "warning": 5.0, "note": 2.0, "none": 0.0}.get(level, 5.0)


def extract(path: str) -> list[dict]:
    data = load_sarif(path)
    out = []
    for run in data.get("runs", []):
        tool = run.get("tool", {}).get("driver", {})
        tool_name = tool.get("name", Path(path).stem)
        rules = {r.get("id"): r for r in tool.get("rules", [])}
        base_ids = {k: v.get("uri", "") for k, v in run.get("originalUriBaseIds", {}).items()}
        for res in run.get("results", []):
            rule_id = res.get("ruleId") or res.get("rule", {}).get("id", "unknown")
            loc = (res.get("locations") or [{}])[0].get("physicalLocation", {})
            art = loc.get("artifactLocation", {})
            file = norm_path(art.get("uri", ""), base_ids, art.get("uriBaseId"))
            line = loc.get("region", {}).get("startLine", 0)
            msg = res.get("message", {}).get("text", "")
            key_src = f"{rule_category(rule_id)}|{file}|{line}|{hashlib.sha1(msg[:80].encode()).hexdigest()[:8]}"
            out.append({
                "id": hashlib.sha1(key_src.encode()).hexdigest()[:12],
                "tools": [tool_name],
                "rule": rule_id,
                "category": rule_category(rule_id),
                "file": file,
                "line": line,
                "message": msg,
                "severity": severity(res, rules.get(rule_id)),
                "fingerprints": res.get("partialFingerprints", {}),
                "has_flow": bool(res.get("codeFlows")),
            })
    return out


def merge(results: list[dict]) -> list[dict]:
    by_loc: dict[tuple, dict] = {}
    for r in results:
        k = (r["category"], r["file"], r["line"])
        if k in by_loc:
            m = by_loc[k]
            m["tools"] = sorted(set(m["tools"]) | set(r["tools"]))
            m["severity"] = max(m["severity"], r["severity"])
            m.setdefault("also_rules", []).append(r["rule"])
        else:
            by_loc[k] = dict(r)
    return sorted(by_loc.values(), key=lambda r: (-r["severity"], r["file"], r["line"]))


def same(a: dict, b: dict) -> bool:
    fa, fb = a.get("fingerprints") or {}, b.get("fingerprints") or {}
    shared = set(fa) & set(fb)
    if shared:
        return any(fa[k] == fb[k] for k in shared)
    return a["category"] == b["category"] and a["file"] == b["file"] and abs(a["line"] - b["line"]) <= 3


def load_verdicts() -> dict:
    if VERDICTS_FILE.is_file():
        return json.loads(VERDICTS_FILE.read_text())
    return {"results": {}, "rules": {}}


def save_verdicts(v: dict) -> None:
    VERDICTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    VERDICTS_FILE.write_text(json.dumps(v, indent=2, sort_keys=True) + "\n")


def cmd_summary(args) -> int:
    results = [r for f in args.files for r in extract(f)]
    print(f"{len(results)} results from {len(args.files)} file(s)\n")
    for title, counter in [
        ("By tool", Counter(t for r in results for t in r["tools"])),
        ("By rule", Counter(r["rule"] for r in results)),
        ("By top-level directory", Counter(r["file"].split("/")[0] or "(root)" for r in results)),
    ]:
        print(title)
        for k, n in counter.most_common(15):
            print(f"  {n:>6}  {k}")
        print()
    sev = Counter("critical" if r["severity"] >= 9 else "high" if r["severity"] >= 7 else "medium" if r["severity"] >= 4 else "low" for r in results)
    print("By severity: " + ", ".join(f"{k} {sev[k]}" for k in ("critical", "high", "medium", "low")))
    return 0


def cmd_merge(args) -> int:
    merged = merge([r for f in args.files for r in extract(f)])
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(merged, indent=2) + "\n")
    print(f"{len(merged)} unique results written to {args.output}")
    return 0


def cmd_diff(args) -> int:
    base = json.loads(Path(args.baseline).read_text())
    cur = json.loads(Path(args.current).read_text())
    new = [r for r in cur if not any(same(r, b) for b in base)]
    fixed = [b for b in base if not any(same(b, r) for r in cur)]
    print(f"new: {len(new)}   fixed: {len(fixed)}   unchanged: {len(cur) - len(new)}\n")
    for r in new:
        print(f"+ [{r['severity']:.1f}] {r['rule']}  {r['file']}:{r['line']}  ({', '.join(r['tools'])})")
    for r in fixed:
        print(f"- {r['rule']}  {r['file']}:{r['line']}")
    return 0


def cmd_verdict(args) -> int:
    v = load_verdicts()
    entry = {"verdict": args.verdict, "reason": args.reason}
    if args.rule:
        v["rules"][args.rule] = entry
        print(f"rule {args.rule}: {args.verdict}")
    else:
        ids = {r["id"] for r in json.loads(Path(args.merged).read_text())}
        if args.result_id not in ids:
            print(f"unknown result id {args.result_id}", file=sys.stderr)
            return 1
        v["results"][args.result_id] = entry
        print(f"{args.result_id}: {args.verdict}")
    save_verdicts(v)
    return 0


def cmd_report(args) -> int:
    results = json.loads(Path(args.merged).read_text())
    v = load_verdicts()

    def verdict_of(r):
        return v["results"].get(r["id"]) or v["rules"].get(r["rule"])

    if args.format == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(["id", "severity", "rule", "file", "line", "tools", "verdict", "reason"])
        for r in results:
            vd = verdict_of(r) or {}
            w.writerow([r["id"], r["severity"], r["rule"], r["file"], r["line"], ";".join(r["tools"]), vd.get("verdict", ""), vd.get("reason", "")])
        return 0

    tps = [r for r in results if (verdict_of(r) or {}).get("verdict") == "tp"]
    untriaged = [r for r in results if not verdict_of(r)]
    print("# Static analysis triage\n")
    print(f"{len(results)} unique results; {len(tps)} true positives; {len(untriaged)} untriaged.\n")
    print("## True positives\n")
    print("| Severity | Rule | Location | Tools | Reason |\n|---|---|---|---|---|")
    for r in tps:
        print(f"| {r['severity']:.1f} | {r['rule']} | {r['file']}:{r['line']} | {', '.join(r['tools'])} | {verdict_of(r)['reason']} |")
    print("\n## Rules to tune or suppress\n")
    print("| Rule | Verdict | Results | Reason |\n|---|---|---|---|")
    counts = Counter(r["rule"] for r in results)
    for rule, vd in sorted(v["rules"].items()):
        print(f"| {rule} | {vd['verdict']} | {counts.get(rule, 0)} | {vd['reason']} |")
    if untriaged:
        print("\n## Untriaged by rule\n")
        for rule, n in Counter(r["rule"] for r in untriaged).most_common():
            print(f"- {rule}: {n}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("summary"); s.add_argument("files", nargs="+"); s.set_defaults(fn=cmd_summary)
    m = sub.add_parser("merge"); m.add_argument("files", nargs="+"); m.add_argument("-o", "--output", required=True); m.set_defaults(fn=cmd_merge)
    d = sub.add_parser("diff"); d.add_argument("--baseline", required=True); d.add_argument("current"); d.set_defaults(fn=cmd_diff)
    v = sub.add_parser("verdict")
    v.add_argument("merged")
    v.add_argument("result_id", nargs="?")
    v.add_argument("--rule")
    v.add_argument("verdict", choices=("tp", "fp", "wontfix", "needs-info"))
    v.add_argument("reason")
    v.set_defaults(fn=cmd_verdict)
    r = sub.add_parser("report"); r.add_argument("merged"); r.add_argument("--format", choices=("md", "csv"), default="md"); r.set_defaults(fn=cmd_report)
    args = ap.parse_args()
    if args.cmd == "verdict" and not (args.rule or args.result_id):
        ap.error("verdict needs a RESULT_ID or --rule")
    return args.fn(args)


if __name__ == "__main__":
    sys.exit(main())
