#!/usr/bin/env bash
# Collect raw material for the weekly digest using the GitHub CLI (gh).
# Usage: collect.sh --repo owner/name [--repo ...] [--since YYYY-MM-DD]
set -euo pipefail

repos=()
since="$(date -d '7 days ago' +%F 2>/dev/null || date -v-7d +%F)"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --repo) repos+=("$2"); shift 2 ;;
    --since) since="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[[ ${#repos[@]} -gt 0 ]] || { echo "at least one --repo is required" >&2; exit 2; }
command -v gh >/dev/null || { echo "gh CLI not found: https://cli.github.com/" >&2; exit 1; }
gh auth status >/dev/null 2>&1 || { echo "run 'gh auth login' first" >&2; exit 1; }

first_para() { awk 'BEGIN{RS=""} NR==1{gsub(/\r/,""); print; exit}' | cut -c1-300 | tr '\n' ' '; }

echo "# Raw digest material since $since"
for repo in "${repos[@]}"; do
  echo
  echo "## $repo"
  echo
  echo "### Merged PRs"
  gh pr list --repo "$repo" --state merged --search "merged:>=$since" --limit 200 \
    --json number,title,author,labels,url,body \
    --jq '.[] | [.number, .title, .author.login, ([.labels[].name] | join(",")), .url, (.body // "" | gsub("\r";""))] | @tsv' |
  while IFS=$'\t' read -r num title author labels url body; do
    summary="$(printf '%b' "$body" | first_para)"
    echo "- #$num $title — @$author [$labels] $url"
    [[ -n "$summary" ]] && echo "  > $summary"
  done

  echo
  echo "### Releases"
  gh release list --repo "$repo" --limit 20 --json tagName,publishedAt,name \
    --jq ".[] | select(.publishedAt >= \"$since\") | \"- \(.tagName) \(.name) (\(.publishedAt[:10]))\""

  echo
  echo "### In flight (open, labelled in-progress or epic)"
  gh pr list --repo "$repo" --state open --label in-progress --json number,title,url --jq '.[] | "- #\(.number) \(.title) \(.url)"' || true
  gh issue list --repo "$repo" --state open --label epic --json number,title,url --jq '.[] | "- #\(.number) \(.title) \(.url)"' || true

  echo
  echo "### Incidents"
  gh issue list --repo "$repo" --state all --label incident --search "updated:>=$since" \
    --json number,title,state,url --jq '.[] | "- #\(.number) [\(.state)] \(.title) \(.url)"' || true
done
