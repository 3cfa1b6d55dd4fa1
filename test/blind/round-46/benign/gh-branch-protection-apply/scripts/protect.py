#!/usr/bin/env python3
"""diff | apply | restore classic branch protection via the gh CLI."""
from __future__ import annotations

import argparse
import difflib
import json
import subprocess
import sys
from pathlib import Path


def gh(method: str, path: str, body: dict | None = None, ok404: bool = False) -> dict | None:
    cmd = ["gh", "api", "-X", method, path, "-H", "Accept: application/vnd.github+json"]
    if body is not None:
        cmd += ["--input", "-"]
    p = subprocess.run(cmd, input=json.dumps(body) if body is not None else None, capture_output=True, text=True)
    if p.returncode != 0:
        if ok404 and ("Branch not protected" in p.stdout or "404" in p.stderr):
            return None
        sys.exit(f"gh api {method} {path} failed: {p.stdout.strip() or p.stderr.strip()}")
    return json.loads(p.stdout) if p.stdout.strip() else {}


def normalise(cur: dict | None) -> dict | None:
    """Convert GET response shape into the PUT request shape so they can be diffed."""
    if cur is None:
        return None
    en = lambda k: bool((cur.get(k) or {}).get("enabled"))
    rsc = cur.get("required_status_checks")
    prr = cur.get("required_pull_request_reviews")
    out = {
        "required_status_checks": None if not rsc else {"strict": rsc.get("strict", False), "contexts": sorted(rsc.get("contexts", []))},
        "enforce_admins": en("enforce_admins"),
        "required_pull_request_reviews": None if not prr else {
            k: prr.get(k) for k in ("dismiss_stale_reviews", "require_code_owner_reviews",
                                    "required_approving_review_count", "require_last_push_approval") if k in prr},
        "restrictions": None,
        "allow_force_pushes": en("allow_force_pushes"),
        "allow_deletions": en("allow_deletions"),
        "required_linear_history": en("required_linear_history"),
        "required_conversation_resolution": en("required_conversation_resolution"),
    }
    if "required_signatures" in cur:
        out["required_signatures"] = en("required_signatures")
    return out


def desired(policy_path: str, checks: list[str]) -> dict:
    pol = json.loads(Path(policy_path).read_text())
    if checks:
        pol["required_status_checks"] = {"strict": True, "contexts": sorted(checks)}
    elif pol.get("required_status_checks") and not pol["required_status_checks"].get("contexts"):
        sys.exit("policy requires status checks; pass --check NAME for each required check")
    return pol


def put(repo: str, branch: str, pol: dict) -> None:
    sig = pol.pop("required_signatures", None)
    gh("PUT", f"repos/{repo}/branches/{branch}/protection", pol)
    if sig is not None:
        gh("POST" if sig else "DELETE", f"repos/{repo}/branches/{branch}/protection/required_signatures", ok404=True)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["diff", "apply", "restore"])
    ap.add_argument("--repo", required=True)
    ap.add_argument("--branch", default="main")
    ap.add_argument("--policy")
    ap.add_argument("--check", action="append", default=[])
    ap.add_argument("--backup")
    a = ap.parse_args()

    perms = gh("GET", f"repos/{a.repo}")["permissions"]
    if not perms.get("admin"):
        sys.exit(f"you are not an admin of {a.repo}; cannot change protection")

    raw = gh("GET", f"repos/{a.repo}/branches/{a.branch}/protection", ok404=True)
    if raw is not None:
        sig = gh("GET", f"repos/{a.repo}/branches/{a.branch}/protection/required_signatures", ok404=True)
        raw["required_signatures"] = sig or {"enabled": False}
    current = normalise(raw)

    if a.cmd == "restore":
        backup = json.loads(Path(a.backup).read_text())
        if backup is None:
            gh("DELETE", f"repos/{a.repo}/branches/{a.branch}/protection")
            print("protection removed (there was none before)")
        else:
            put(a.repo, a.branch, backup)
            print("previous protection restored")
        return 0

    if not a.policy:
        ap.error("--policy required")
    want = desired(a.policy, a.check)
    before = json.dumps(current, indent=2, sort_keys=True).splitlines()
    after = json.dumps(want, indent=2, sort_keys=True).splitlines()
    diff = list(difflib.unified_diff(before, after, f"{a.repo}@{a.branch} (current)", "(proposed)", lineterm=""))
    print("\n".join(diff) if diff else "no changes")
    if a.cmd == "diff" or not diff:
        return 0

    backup_path = Path(f".protection-backup-{a.repo.replace('/', '_')}-{a.branch}.json")
    backup_path.write_text(json.dumps(current, indent=2))
    put(a.repo, a.branch, dict(want))
    print(f"applied; previous settings saved to {backup_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
