#!/usr/bin/env bash
# Digest failed GitHub Actions jobs for the current repository.
set -euo pipefail

api="${GITHUB_API_URL:-https://api.github.com}"
run_id="" pr="" branch="" limit=1
while [ $# -gt 0 ]; do
  case "$1" in
    --run) run_id="$2"; shift 2 ;;
    --pr) pr="$2"; shift 2 ;;
    --branch) branch="$2"; shift 2 ;;
    --limit) limit="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

token="${GITHUB_TOKEN:-}"
if [ -z "$token" ] && command -v gh >/dev/null; then token="$(gh auth token 2>/dev/null || true)"; fi
[ -n "$token" ] || { echo "Set GITHUB_TOKEN or log in with 'gh auth login'." >&2; exit 1; }

remote="$(git remote get-url origin)"
repo="$(printf '%s' "$remote" | sed -E 's#(\.git)?$##; s#^.*github\.com[:/]##')"

gh_api() {
  curl -sS --fail-with-body -H "Authorization: Bearer $token" \
       -H "Accept: application/vnd.github+json" -H "X-GitHub-Api-Version: 2022-11-28" "$@"
}

mkdir -p .ci-logs
git check-ignore -q .ci-logs 2>/dev/null || echo "note: add .ci-logs/ to .gitignore" >&2

if [ -n "$run_id" ]; then
  runs="$run_id"
else
  query="status=failure&per_page=$limit"
  if [ -n "$pr" ]; then
    sha="$(gh_api "$api/repos/$repo/pulls/$pr" | jq -r .head.sha)"
    query="$query&head_sha=$sha"
  else
    query="$query&branch=${branch:-$(git symbolic-ref --short HEAD)}"
  fi
  runs="$(gh_api "$api/repos/$repo/actions/runs?$query" | jq -r '.workflow_runs[].id')"
fi
[ -n "$runs" ] || { echo "No failed runs found."; exit 0; }

pattern='(##\[error\]|[Ee]rror[: ]|FAILED|Traceback|npm ERR!|panic:|fatal:|AssertionError|exit code [1-9])'

for run in $runs; do
  meta="$(gh_api "$api/repos/$repo/actions/runs/$run")"
  echo "## $(jq -r '.name + " #" + (.run_number|tostring) + " on " + .head_branch + " @ " + .head_sha[0:7]' <<<"$meta")"
  gh_api "$api/repos/$repo/actions/runs/$run/jobs?filter=latest&per_page=100" \
    | jq -c '.jobs[] | select(.conclusion=="failure")' | while read -r job; do
      id="$(jq -r .id <<<"$job")"
      step="$(jq -r '[.steps[] | select(.conclusion=="failure")][0].name // "?"' <<<"$job")"
      dur="$(jq -r '((.completed_at|fromdate) - (.started_at|fromdate)) | "\(./60|floor)m\(.%60)s"' <<<"$job")"
      echo
      echo "### $(jq -r .name <<<"$job")  —  failed at step \"$step\"  ($dur)"
      jq -r .html_url <<<"$job"
      log=".ci-logs/$id.log"
      gh_api -L "$api/repos/$repo/actions/jobs/$id/logs" -o "$log" || { echo "  (log unavailable)"; continue; }
      sed -E 's/^[0-9T:.-]+Z //' "$log" | grep -E -C3 "$pattern" | grep -v '^--$' | head -n 80 | sed 's/^/  /'
      ann="$(gh_api "$api/repos/$repo/check-runs/$id/annotations" \
        | jq -r '.[] | "  \(.annotation_level)  \(.path):\(.start_line)  \(.message|split("\n")[0])"' || true)"
      [ -n "$ann" ] && { echo "Annotations:"; echo "$ann"; }
    done
done
