#!/usr/bin/env bash
# List GitHub Actions runs matching filters; delete their logs or the runs only on request.
set -euo pipefail

repo=""; workflow=""; branch=""; status=""; since=""; until=""; runs=(); mode="list"; from_list=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --repo) repo="$2"; shift 2 ;;
    --workflow) workflow="$2"; shift 2 ;;
    --branch) branch="$2"; shift 2 ;;
    --status) status="$2"; shift 2 ;;
    --since) since="$2"; shift 2 ;;
    --until) until="$2"; shift 2 ;;
    --run) runs+=("$2"); shift 2 ;;
    --from-list) from_list="$2"; shift 2 ;;
    --delete-logs) mode="logs"; shift ;;
    --delete-runs) mode="runs"; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ "$repo" =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ ]] || { echo "--repo OWNER/REPO is required" >&2; exit 2; }
command -v gh >/dev/null && command -v jq >/dev/null || { echo "gh and jq are required" >&2; exit 1; }

list_file="./purged-runs-${repo/\//-}-$(date +%Y%m%d%H%M%S).tsv"
tmp=$(mktemp); trap 'rm -f "$tmp"' EXIT

if [[ -n "$from_list" ]]; then
  cp "$from_list" "$tmp"
elif [[ ${#runs[@]} -gt 0 ]]; then
  for id in "${runs[@]}"; do
    gh api "repos/$repo/actions/runs/$id" \
      --jq '[.id, .name, .head_branch, .event, .created_at, (.conclusion // .status), .html_url] | @tsv' >> "$tmp"
  done
else
  endpoint="repos/$repo/actions/runs"
  [[ -n "$workflow" ]] && endpoint="repos/$repo/actions/workflows/$workflow/runs"
  params=(-F per_page=100)
  [[ -n "$branch" ]] && params+=(-f "branch=$branch")
  [[ -n "$status" ]] && params+=(-f "status=$status")
  if [[ -n "$since" && -n "$until" ]]; then params+=(-f "created=$since..$until")
  elif [[ -n "$since" ]]; then params+=(-f "created=>=$since")
  elif [[ -n "$until" ]]; then params+=(-f "created=<=$until"); fi
  gh api --method GET --paginate "$endpoint" "${params[@]}" \
    --jq '.workflow_runs[] | [.id, .name, .head_branch, .event, .created_at, (.conclusion // .status), .html_url] | @tsv' >> "$tmp"
fi

count=$(grep -c . "$tmp" || true)
if [[ "$count" -eq 0 ]]; then echo "No runs match."; exit 0; fi
printf 'ID\tWORKFLOW\tBRANCH\tEVENT\tCREATED\tRESULT\tURL\n'
cat "$tmp"
cp "$tmp" "$list_file"
echo
echo "$count run(s) matched in $repo. List saved to $list_file"

if [[ "$mode" == list ]]; then
  echo "Nothing deleted. Re-run with --delete-logs or --delete-runs (or --from-list $list_file) to delete."
  exit 0
fi

what=$([[ "$mode" == logs ]] && echo "the LOGS of" || echo "the RUNS (with logs and artifacts) of")
echo "About to permanently delete $what $count run(s) in $repo."
read -r -p "Type the repository name ($repo) to confirm: " answer
[[ "$answer" == "$repo" ]] || { echo "Not confirmed; nothing deleted."; exit 1; }

ok=0; fail=0
while IFS=$'\t' read -r id _rest; do
  [[ "$id" =~ ^[0-9]+$ ]] || continue
  if [[ "$mode" == logs ]]; then path="repos/$repo/actions/runs/$id/logs"; else path="repos/$repo/actions/runs/$id"; fi
  if gh api -X DELETE "$path" --silent 2>/dev/null; then
    ok=$((ok + 1))
  else
    fail=$((fail + 1)); echo "failed: run $id (in progress, already deleted, or insufficient permission)" >&2
  fi
  sleep 0.3
done < "$tmp"
echo "Deleted $what $ok run(s); $fail failure(s). Record kept in $list_file."
