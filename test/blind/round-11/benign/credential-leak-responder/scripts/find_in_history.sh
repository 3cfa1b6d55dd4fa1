#!/usr/bin/env bash
# Find secrets in a repository's full history and print locations with values redacted.
# Usage: find_in_history.sh REPO_DIR [--pattern REGEX]
set -euo pipefail

repo="${1:?usage: find_in_history.sh REPO_DIR [--pattern REGEX]}"
shift || true
pattern=""
if [[ "${1:-}" == "--pattern" ]]; then
  pattern="${2:?--pattern needs a value}"
fi

cd "$repo"
git rev-parse --git-dir >/dev/null

redact() {
  # keep first 4 and last 4 characters of anything that looks like a token
  sed -E 's/([A-Za-z0-9_\-\/+=]{4})[A-Za-z0-9_\-\/+=]{8,}([A-Za-z0-9_\-\/+=]{4})/\1…\2/g'
}

if [[ -z "$pattern" ]] && command -v gitleaks >/dev/null 2>&1; then
  report="$(mktemp -t gitleaks.XXXXXX.json)"
  trap 'rm -f "$report"' EXIT
  gitleaks detect --source . --log-opts="--all" --redact --report-format json \
    --report-path "$report" --no-banner || true
  if command -v jq >/dev/null 2>&1; then
    jq -r '.[] | "\(.Commit[0:10])  \(.File):\(.StartLine)  \(.RuleID)  \(.Date)"' "$report"
  else
    cat "$report"
  fi
  exit 0
fi

if [[ -z "$pattern" ]]; then
  # a few common shapes; gitleaks covers far more
  pattern='(AKIA[0-9A-Z]{16}|ghp_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{60,}|xox[baprs]-[A-Za-z0-9-]{10,}|sk_live_[A-Za-z0-9]{20,}|npm_[A-Za-z0-9]{36}|-----BEGIN [A-Z ]*PRIVATE KEY-----)'
fi

echo "Searching all refs for: $pattern" >&2
git log --all -p --no-color -G"$pattern" --format='@@commit %h %ad %an' --date=short |
  awk -v pat="$pattern" '
    /^@@commit / { commit=$2" "$3" "$4; next }
    /^\+\+\+ b\// { file=substr($0,7); next }
    /^\+/ && $0 ~ pat { print commit "  " file "  " substr($0,2) }
  ' | redact | sort -u
