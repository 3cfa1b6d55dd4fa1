#!/usr/bin/env python3
"""usage | select | delete GitHub Actions cache entries via the gh CLI."""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

SEL = Path(".gha-cache-selection.json")


def gh(*args: str) -> str:
    return subprocess.run(["gh", "api", *args], capture_output=True, text=True, check=True).stdout


def all_caches(repo: str) -> list[dict]:
    out = gh("--paginate", f"repos/{repo}/actions/caches?per_page=100", "--jq", ".actions_caches[]")
    return [json.loads(l) for l in out.splitlines() if l.strip()]


def parse_age(s: str) -> timedelta:
    m = re.fullmatch(r"(\d+)([hdw])", s)
    if not m:
        raise argparse.ArgumentTypeError("use e.g. 12h, 7d, 2w")
    n, u = int(m.group(1)), m.group(2)
    return {"h": timedelta(hours=n), "d": timedelta(days=n), "w": timedelta(weeks=n)}[u]


def mb(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["usage", "select", "delete"])
    ap.add_argument("--repo", required=True)
    ap.add_argument("--key")
    ap.add_argument("--key-prefix")
    ap.add_argument("--ref")
    ap.add_argument("--ref-prefix")
    ap.add_argument("--older-than", type=parse_age)
    ap.add_argument("--min-size-mb", type=float)
    ap.add_argument("--selection", default=str(SEL))
    a = ap.parse_args()

    if a.cmd == "usage":
        u = json.loads(gh(f"repos/{a.repo}/actions/cache/usage"))
        print(f"{a.repo}: {u['active_caches_count']} caches, {mb(u['active_caches_size_in_bytes'])} of 10240 MB")
        return 0

    if a.cmd == "select":
        if not any([a.key, a.key_prefix, a.ref, a.ref_prefix, a.older_than, a.min_size_mb]):
            ap.error("give at least one filter; refusing to select every cache")
        now = datetime.now(timezone.utc)
        picked = []
        for c in all_caches(a.repo):
            last = datetime.fromisoformat(c["last_accessed_at"].replace("Z", "+00:00"))
            if a.key and c["key"] != a.key: continue
            if a.key_prefix and not c["key"].startswith(a.key_prefix): continue
            if a.ref and c["ref"] != a.ref: continue
            if a.ref_prefix and not c["ref"].startswith(a.ref_prefix): continue
            if a.older_than and now - last < a.older_than: continue
            if a.min_size_mb and c["size_in_bytes"] < a.min_size_mb * 1_048_576: continue
            picked.append(c)
        for c in picked:
            print(f"{c['id']:>10}  {c['key'][:48]:<48}  {c['ref']:<28}  {mb(c['size_in_bytes']):>9}  {c['last_accessed_at'][:16]}")
        total = sum(c["size_in_bytes"] for c in picked)
        print(f"{len(picked)} entries, {mb(total)} selected")
        Path(a.selection).write_text(json.dumps({"repo": a.repo, "created": time.time(),
                                                 "ids": [c["id"] for c in picked]}, indent=2))
        print(f"selection saved to {a.selection}; run delete to remove")
        return 0

    sel = json.loads(Path(a.selection).read_text())
    if sel["repo"] != a.repo:
        sys.exit(f"selection is for {sel['repo']}, not {a.repo}")
    if time.time() - sel["created"] > 1800:
        sys.exit("selection older than 30 minutes; run select again")
    current = {c["id"] for c in all_caches(a.repo)}
    deleted = 0
    for cid in sel["ids"]:
        if cid not in current:
            print(f"skip {cid}: no longer present")
            continue
        subprocess.run(["gh", "api", "-X", "DELETE", f"repos/{a.repo}/actions/caches/{cid}"], check=True,
                       capture_output=True)
        deleted += 1
        print(f"deleted {cid}")
    Path(a.selection).unlink()
    print(f"{deleted} cache entries deleted from {a.repo}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
