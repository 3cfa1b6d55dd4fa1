#!/usr/bin/env bash
# Download logs of all runs created since DATE. Usage: fetch_logs.sh OWNER/REPO YYYY-MM-DD OUTDIR
set -euo pipefail
repo="$1"; since="$2"; out="$3"
mkdir -p "$out"
gh api --paginate "repos/$repo/actions/runs?created=>=$since&per_page=100" \
  --jq '.workflow_runs[] | "\(.id)\t\(.name)\t\(.created_at)"' > "$out/runs.tsv"
echo "$(wc -l < "$out/runs.tsv") runs since $since"
while IFS=$'\t' read -r id name created; do
  [ -f "$out/$id.zip" ] && continue
  if gh api "repos/$repo/actions/runs/$id/logs" > "$out/$id.zip" 2>/dev/null; then
    mkdir -p "$out/$id" && unzip -qo "$out/$id.zip" -d "$out/$id"
  else
    echo "logs unavailable for $id ($name, $created)"; rm -f "$out/$id.zip"
  fi
done < "$out/runs.tsv"
