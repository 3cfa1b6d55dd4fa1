#!/usr/bin/env bash
# Collect failed job logs for a GitHub Actions run and extract normalised error signatures.
# Usage: collect-failures.sh <run-id> [--repo owner/name]
set -euo pipefail
run="${1:?run id required}"; shift || true
repo_args=("$@")

out=".ci-triage/$run"
mkdir -p "$out"
if [ -d .git ] && ! grep -qx '.ci-triage/' .git/info/exclude 2>/dev/null; then
  echo '.ci-triage/' >> .git/info/exclude
fi

gh run view "$run" "${repo_args[@]}" --json jobs \
  --jq '.jobs[] | [.databaseId, .name, .conclusion, .startedAt, .completedAt, (.labels|join(","))] | @tsv' \
  > "$out/jobs.tsv"

: > "$out/signatures.txt"
while IFS=$'\t' read -r id name conclusion started completed labels; do
  [ "$conclusion" = "failure" ] || [ "$conclusion" = "timed_out" ] || [ "$conclusion" = "cancelled" ] || continue
  safe="$(printf '%s' "$name" | tr -c 'A-Za-z0-9._-' '_')"
  log="$out/$safe.log"
  gh run view "$run" "${repo_args[@]}" --job "$id" --log-failed > "$log" 2>/dev/null || true
  if [ "$(wc -l < "$log")" -lt 20 ]; then
    gh run view "$run" "${repo_args[@]}" --job "$id" --log > "$log" 2>/dev/null || true
  fi
  sig="$(grep -m1 -E '(Error|ERROR|FAILED|FAIL:|error:|Traceback|panicked at|AssertionError|npm ERR!|exit code [1-9])' "$log" \
        | cut -f3- \
        | sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z//g; s#(/[^ :]+)+/##g; s/:[0-9]+(:[0-9]+)?/:N/g; s/0x[0-9a-f]+/0xX/g; s/[0-9a-f]{12,}/HASH/g' \
        | tr -s ' ' | cut -c1-200)"
  printf '%s\t%s\t%s\n' "$name" "$conclusion" "${sig:-<no error line found>}" >> "$out/signatures.txt"
done < "$out/jobs.tsv"

echo "failed jobs: $(wc -l < "$out/signatures.txt" | tr -d ' ')  (logs in $out/)" >&2
cut -f3 "$out/signatures.txt" | sort | uniq -c | sort -rn >&2
