#!/usr/bin/env bash
# draft_pr_body.sh [base] — print a draft PR body from the branch's commits and diffstat.
set -euo pipefail
base="${1:-origin/main}"
here="$(cd "$(dirname "$0")/.." && pwd)"
tpl="$(git rev-parse --show-toplevel)/.github/pull_request_template.md"
[[ -f "$tpl" ]] || tpl="$here/assets/pr-template.md"

commits="$(git log --reverse --format='- %s' "$base"..HEAD)"
stat="$(git diff --stat "$base"...HEAD | tail -n 1)"
issues="$(git log --format='%B' "$base"..HEAD | grep -oE '(#[0-9]+)' | sort -u | tr '\n' ' ' || true)"

python3 - "$tpl" "$commits" "$stat" "$issues" <<'PY'
import sys
tpl, commits, stat, issues = sys.argv[1:5]
body = open(tpl).read()
body = body.replace("{{COMMITS}}", commits or "- (no commits)")
body = body.replace("{{DIFFSTAT}}", stat.strip())
body = body.replace("{{ISSUES}}", " ".join(f"Closes {i}" for i in issues.split()) or "")
print(body)
PY
