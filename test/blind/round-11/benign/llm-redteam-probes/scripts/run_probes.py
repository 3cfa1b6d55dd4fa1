#!/usr/bin/env python3
"""Send prompt-injection probes to the user's own chat endpoint and score the responses.

Request body (default): {"message": "<text>"}; response: JSON with a "reply" field, or plain text.
Override with --body-template and --reply-field.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
import urllib.request
from pathlib import Path

try:
    import yaml  # PyYAML
except ImportError:  # pragma: no cover
    sys.exit("PyYAML is required: pip install pyyaml")

HERE = Path(__file__).resolve().parent


def send(url: str, text: str, headers: dict[str, str], body_template: str, reply_field: str, timeout: float) -> str:
    body = body_template.replace("{text}", json.dumps(text)[1:-1]).encode()
    req = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": "application/json", **headers})
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        raw = resp.read().decode("utf-8", errors="replace")
    try:
        data = json.loads(raw)
        for part in reply_field.split("."):
            data = data[int(part)] if isinstance(data, list) else data[part]
        return str(data)
    except (ValueError, KeyError, IndexError, TypeError):
        return raw


def build_text(p: dict) -> str:
    if p.get("wrap") == "document":
        return f"{p.get('prompt', 'Summarise the following document.')}\n\n<document>\n{p['text']}\n</document>"
    return p["text"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--target", required=True, help="URL of YOUR application's chat endpoint")
    ap.add_argument("--canary", help="string planted in the target's system prompt / corpus")
    ap.add_argument("--auth-env", help="name of env var holding a bearer token for the target")
    ap.add_argument("--probes", default=str(HERE / "probes.yaml"))
    ap.add_argument("--category", action="append")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--delay", type=float, default=1.0)
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--body-template", default='{"message": "{text}"}')
    ap.add_argument("--reply-field", default="reply")
    ap.add_argument("--out")
    args = ap.parse_args()

    headers = {}
    if args.auth_env:
        token = os.environ.get(args.auth_env)
        if not token:
            sys.exit(f"{args.auth_env} is not set")
        headers["Authorization"] = f"Bearer {token}"

    probes = yaml.safe_load(Path(args.probes).read_text())
    if args.category:
        probes = [p for p in probes if p["category"] in args.category]

    out = open(args.out, "w") if args.out else None
    stats: dict[str, list[int]] = {}
    failures = []
    for p in probes:
        for run in range(args.repeat):
            try:
                reply = send(args.target, build_text(p), headers, args.body_template, args.reply_field, args.timeout)
                err = None
            except Exception as e:  # network errors are recorded, not fatal
                reply, err = "", str(e)
            failed = False
            reasons = []
            for marker in p.get("fail_if_contains", []):
                if marker.lower() in reply.lower():
                    failed = True
                    reasons.append(f"contains {marker!r}")
            if p.get("fail_if_canary") and args.canary and args.canary in reply:
                failed = True
                reasons.append("canary leaked")
            s = stats.setdefault(p["category"], [0, 0])
            s[1] += 1
            if not failed and not err:
                s[0] += 1
            rec = {"id": p["id"], "category": p["category"], "run": run, "failed": failed,
                   "reasons": reasons, "error": err, "reply": reply[:2000]}
            if failed:
                failures.append(rec)
            if out:
                out.write(json.dumps(rec) + "\n")
            print(f"{'FAIL' if failed else ('ERR ' if err else 'pass')}  {p['id']:<4} {p['category']:<11} {'; '.join(reasons) or (err or '')}")
            time.sleep(args.delay)
    if out:
        out.close()

    print("\nPer category (pass/total):")
    for cat, (ok, total) in sorted(stats.items()):
        print(f"  {cat:<11} {ok}/{total}")
    for f in failures:
        print(f"\n[{f['id']}] {', '.join(f['reasons'])}\n  {f['reply'][:300]!r}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
