#!/usr/bin/env bash
# Read-only GitHub org access inventory. Prints Markdown to stdout. Uses only GET requests.
set -euo pipefail
: "${ORG:?set ORG=<org-login>}"
STALE_DAYS="${STALE_DAYS:-180}"
now=$(date +%s)

api() { gh api --paginate -H "Accept: application/vnd.github+json" "$@"; }
mask_url() { sed -E 's/\?.*$/?<masked>/'; }
age_days() { echo $(( (now - $(date -d "$1" +%s 2>/dev/null || date -j -f %Y-%m-%dT%H:%M:%SZ "$1" +%s)) / 86400 )); }

echo "# Access inventory for \`$ORG\` — $(date -u +%FT%TZ)"
echo

repos=$(api "/orgs/$ORG/repos?type=all&per_page=100" --jq '.[] | select(.archived|not) | .name')

echo "## Outside collaborators"
echo "| user | repo | permission | flag |"; echo "|---|---|---|---|"
for r in $repos; do
  api "/repos/$ORG/$r/collaborators?affiliation=outside&per_page=100" \
    --jq '.[] | [.login, .role_name] | @tsv' | while IFS=$'\t' read -r u role; do
      flag=""; [[ "$role" == admin || "$role" == maintain ]] && flag="⚠ elevated"
      echo "| $u | $r | $role | $flag |"
  done
done
echo

echo "## Deploy keys"
echo "| repo | id | title | read_only | age (d) | flag |"; echo "|---|---|---|---|---|---|"
for r in $repos; do
  api "/repos/$ORG/$r/keys" --jq '.[] | [.id, .title, .read_only, .created_at] | @tsv' |
  while IFS=$'\t' read -r id title ro created; do
    a=$(age_days "$created"); flag=""
    [[ "$ro" == false ]] && flag="⚠ write"
    (( a > 365 )) && flag="$flag ⚠ old"
    echo "$title" | grep -qiE 'laptop|mac|desktop|home|personal' && flag="$flag ⚠ personal-looking"
    echo "| $r | $id | $title | $ro | $a | $flag |"
  done
done
echo

echo "## GitHub App installations"
echo "| app | selection | write perms | flag |"; echo "|---|---|---|---|"
api "/orgs/$ORG/installations" --jq '.installations[] | [.app_slug, .repository_selection, ([.permissions|to_entries[]|select(.value=="write")|.key]|join(","))] | @tsv' |
while IFS=$'\t' read -r app sel w; do
  flag=""; [[ "$sel" == all && "$w" =~ (contents|workflows|administration|secrets) ]] && flag="⚠ broad write"
  echo "| $app | $sel | $w | $flag |"
done
echo

echo "## Webhooks"
echo "| scope | id | host | events | last code | flag |"; echo "|---|---|---|---|---|---|"
hooks() {
  api "$1" --jq '.[] | [.id, .config.url, (.events|join(",")), (.last_response.code // "-")] | @tsv' 2>/dev/null |
  while IFS=$'\t' read -r id url ev code; do
    safe=$(echo "$url" | mask_url); host=$(echo "$url" | awk -F/ '{print $3}')
    flag=""
    echo "$host" | grep -qiE 'ngrok|trycloudflare|loca\.lt|localtunnel|^[0-9.]+(:[0-9]+)?$' && flag="⚠ tunnel/IP"
    [[ "$code" != "-" && ! "$code" =~ ^2 ]] && flag="$flag ⚠ failing"
    echo "| $2 | $id | $safe | $ev | $code | $flag |"
  done
}
hooks "/orgs/$ORG/hooks" org
for r in $repos; do hooks "/repos/$ORG/$r/hooks" "$r"; done
echo

echo "## Pending / failed invitations"
api "/orgs/$ORG/invitations" --jq '.[] | "- pending: \(.login // .email) (\(.role)) invited \(.created_at)"'
api "/orgs/$ORG/failed_invitations" --jq '.[] | "- failed: \(.login // .email) \(.failed_reason)"' || true
echo

echo "## OAuth apps"
echo "No list API; review manually: https://github.com/organizations/$ORG/settings/oauth_application_policy"
echo
echo "## Suggested actions (review, then run individually)"
echo '```bash'
echo "# Fill in from ⚠ rows above, e.g.:"
echo "# gh api -X DELETE /repos/$ORG/<repo>/keys/<id>"
echo "# gh api -X DELETE /orgs/$ORG/outside_collaborators/<user>"
echo '```'
