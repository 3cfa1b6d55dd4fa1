#!/usr/bin/env bash
# Download blob reports from a GitHub Actions run and merge them into one HTML report.
# Usage: fetch-and-merge.sh <run-id> [repo]
set -euo pipefail

run_id="${1:?usage: fetch-and-merge.sh <run-id> [owner/repo]}"
repo="${2:-}"
repo_flag=()
[[ -n "$repo" ]] && repo_flag=(--repo "$repo")

command -v gh >/dev/null || { echo "gh CLI not found" >&2; exit 1; }
gh auth status >/dev/null 2>&1 || { echo "run 'gh auth login' first" >&2; exit 1; }

work="$(mktemp -d -t pw-merge-XXXX)"
echo "downloading blob reports for run $run_id into $work" >&2
gh run download "$run_id" "${repo_flag[@]}" --pattern 'blob-report-*' --dir "$work/raw"

mkdir -p "$work/all"
find "$work/raw" -type f -name '*.zip' -exec cp {} "$work/all/" \;
count="$(find "$work/all" -name '*.zip' | wc -l | tr -d ' ')"
[[ "$count" -gt 0 ]] || { echo "no blob zips found; check artifact names" >&2; exit 1; }
echo "merging $count shard reports" >&2

npx --no-install playwright merge-reports --reporter html "$work/all"
echo "report written to ./playwright-report (open with: npx playwright show-report)" >&2
echo "raw artifacts kept in $work" >&2
