#!/usr/bin/env bash
# Roll up open Dependabot alerts for an org into Markdown.
set -euo pipefail

org="${1:?usage: rollup.sh ORG [--issues]}"
flag="${2:-}"
today="$(date +%F)"
snap="snapshot-${today}.json"

gh api --paginate -H "Accept: application/vnd.github+json" \
  "/orgs/${org}/dependabot/alerts?state=open&per_page=100" \
  | jq -s 'add // []' > "$snap"

total=$(jq 'length' "$snap")
echo "# Dependabot rollup - ${org} (${today})"
echo
echo "Open alerts: **${total}**"

prev=$(ls snapshot-*.json 2>/dev/null | sort | grep -v "$snap" | tail -n1 || true)
if [[ -n "$prev" ]]; then
  before=$(jq 'length' "$prev")
  echo "Change since ${prev#snapshot-}: $((total - before))"
fi

for sev in critical high medium low; do
  echo
  echo "## ${sev^}"
  echo
  echo "| Repo | Package | Ecosystem | Age (d) | Fixed in | Dev only |"
  echo "|---|---|---|---|---|---|"
  jq -r --arg sev "$sev" '
    map(select(.security_advisory.severity == $sev))
    | sort_by(.created_at)[]
    | [ .repository.full_name,
        .dependency.package.name,
        .dependency.package.ecosystem,
        (((now - (.created_at | fromdateiso8601)) / 86400) | floor),
        (.security_vulnerability.first_patched_version.identifier // "-"),
        (if .dependency.scope == "development" then "yes" else "" end) ]
    | "| " + (map(tostring) | join(" | ")) + " |"' "$snap"
done

if [[ "$flag" == "--issues" ]]; then
  echo
  echo "## Suggested tracking issues"
  jq -r 'map(.repository.full_name) | unique[] | "gh issue create -R \(.) -t \"Dependabot backlog\" -b \"See rollup\""' "$snap"
fi
