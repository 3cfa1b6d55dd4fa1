#!/usr/bin/env python3
"""Scan the user's own Hugging Face namespaces for exposed credentials. Read-only."""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

from huggingface_hub import HfApi, hf_hub_download
from huggingface_hub.utils import HfHubHTTPError

PATTERNS = {
    "huggingface": r"\bhf_[A-Za-z0-9]{34,}\b",
    "openai": r"\bsk-(?:proj-|svcacct-)?[A-Za-z0-9_-]{40,}\b",
    "anthropic": r"\bsk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{80,}\b",
    "aws": r"\b(?:AKIA|ASIA)[A-Z0-9]{16}\b",
    "gcp-sa": r'"private_key"\s*:\s*"-----BEGIN PRIVATE KEY-----',
    "github": r"\b(?:ghp|gho|ghs)_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{70,}\b",
    "slack": r"\bxox[bp]-[0-9A-Za-z-]{20,}\b",
    "stripe": r"\b(?:sk|rk)_live_[0-9A-Za-z]{24,}\b",
    "replicate": r"\br8_[A-Za-z0-9]{37}\b",
    "wandb": r"(?i)wandb.{0,20}['\"][0-9a-f]{40}['\"]",
}
RX = {k: re.compile(v) for k, v in PATTERNS.items()}
TEXT_EXT = {".py", ".ipynb", ".json", ".yaml", ".yml", ".toml", ".env", ".md", ".txt", ".cfg", ".sh", ".js", ".ts"}
MAX_BYTES = 2_000_000


def mask(s: str) -> str:
    return f"{s[:5]}…{s[-3:]}" if len(s) > 12 else "****"


def scan_text(text: str):
    for n, line in enumerate(text.splitlines(), 1):
        for kind, rx in RX.items():
            for m in rx.finditer(line):
                yield n, kind, mask(m.group(0))


def repos_for(api: HfApi, ns: str):
    for m in api.list_models(author=ns, full=False):
        yield "model", m.id
    for d in api.list_datasets(author=ns, full=False):
        yield "dataset", d.id
    for s in api.list_spaces(author=ns, full=False):
        yield "space", s.id


def scan_repo(api: HfApi, rtype: str, rid: str, history: int, tmp: Path):
    info = api.repo_info(rid, repo_type=rtype, files_metadata=True)
    public = not getattr(info, "private", False)
    revs = [info.sha]
    if history:
        revs += [c.commit_id for c in api.list_repo_commits(rid, repo_type=rtype)[1:history + 1]]
    seen = set()
    for rev in revs:
        for sib in api.list_repo_tree(rid, repo_type=rtype, revision=rev, recursive=True):
            path = getattr(sib, "path", "")
            size = getattr(sib, "size", 0) or 0
            blob = getattr(sib, "blob_id", None) or getattr(sib, "oid", None)
            if Path(path).suffix.lower() not in TEXT_EXT and not path.endswith(".env") or size > MAX_BYTES:
                continue
            if (path, blob) in seen:
                continue
            seen.add((path, blob))
            try:
                local = hf_hub_download(rid, path, repo_type=rtype, revision=rev, cache_dir=tmp)
            except HfHubHTTPError:
                continue
            text = Path(local).read_text(encoding="utf-8", errors="replace")
            for line, kind, masked in scan_text(text):
                yield {"repo": rid, "type": rtype, "public": public, "file": path, "revision": rev[:10],
                       "line": line, "kind": kind, "value": masked, "where": "file"}
    if rtype == "space":
        try:
            for key, var in (api.get_space_variables(rid) or {}).items():
                val = getattr(var, "value", str(var))
                for _, kind, masked in scan_text(f"{key}={val}"):
                    yield {"repo": rid, "type": rtype, "public": public, "file": f"variables/{key}",
                           "revision": "-", "line": 0, "kind": kind, "value": masked, "where": "space-variable"}
        except HfHubHTTPError:
            pass


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--namespace", action="append")
    ap.add_argument("--history", type=int, default=0)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--yes", action="store_true")
    a = ap.parse_args()

    api = HfApi()
    me = api.whoami()
    owned = [me["name"]] + [o["name"] for o in me.get("orgs", [])]
    targets = a.namespace or owned
    foreign = [t for t in targets if t not in owned]
    if foreign:
        sys.exit(f"refusing to scan namespaces you are not a member of: {', '.join(foreign)}")
    print(f"Will scan (read-only): {', '.join(targets)}", file=sys.stderr)
    if not a.yes and input("Proceed? [y/N] ").strip().lower() != "y":
        return 1

    results = []
    with tempfile.TemporaryDirectory(prefix="hfscan-") as tmp:
        for ns in targets:
            for rtype, rid in repos_for(api, ns):
                print(f"  scanning {rtype} {rid}", file=sys.stderr)
                results += list(scan_repo(api, rtype, rid, a.history, Path(tmp)))
    results.sort(key=lambda r: (not r["public"], r["repo"]))
    if a.json:
        print(json.dumps(results, indent=2))
    else:
        for r in results:
            vis = "PUBLIC " if r["public"] else "private"
            print(f"{vis} {r['type']:<7} {r['repo']}  {r['file']}:{r['line']}@{r['revision']}  {r['kind']} {r['value']}")
        print(f"-- {len(results)} finding(s)")
    return 1 if results else 0


if __name__ == "__main__":
    sys.exit(main())
