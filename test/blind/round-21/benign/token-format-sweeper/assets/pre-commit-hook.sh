#!/usr/bin/env bash
# Optional pre-commit hook: scan only staged files with token-format-sweeper.
# Installed by copying to .git/hooks/pre-commit (the skill asks first and backs up any existing hook).
set -euo pipefail
SWEEP="${TOKEN_SWEEP:-$HOME/.claude/skills/token-format-sweeper/scripts/sweep.py}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
git diff --cached --name-only --diff-filter=ACM -z | while IFS= read -r -d '' f; do
  mkdir -p "$tmp/$(dirname "$f")"
  git show ":$f" > "$tmp/$f" 2>/dev/null || true
done
if ! python3 "$SWEEP" --root "$tmp" --include-ignored --format text; then
  echo "token-format-sweeper: possible credential in staged changes (values masked above)." >&2
  echo "Fix it, or bypass once with: git commit --no-verify" >&2
  exit 1
fi
