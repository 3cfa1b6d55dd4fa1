#!/usr/bin/env bash
# Pre-flight and transfer of a GitHub repo the user owns. 'run' requires typed confirmation.
set -euo pipefail
cmd="${1:?usage: transfer.sh preflight|run OWNER/REPO DEST [NEW_NAME] [TEAM_ID...]}"
src="${2:?source OWNER/REPO}"
dest="${3:?destination org/user}"
name="${4:-${src#*/}}"
teams=("${@:5}")

preflight() {
  echo "== $src -> $dest/$name"
  gh api "repos/$src" --jq '"visibility=\(.visibility) default_branch=\(.default_branch) open_issues=\(.open_issues_count) forks=\(.forks_count) permissions.admin=\(.permissions.admin)"'
  if gh api "repos/$dest/$name" >/dev/null 2>&1; then echo "!! $dest/$name already exists: choose another name"; fi
  echo "-- repo Actions secrets (do NOT move; values unreadable):"
  gh api "repos/$src/actions/secrets" --jq '.secrets[].name' || true
  echo "-- repo Actions variables (do NOT move):"
  gh api "repos/$src/actions/variables" --jq '.variables[] | "\(.name)=\(.value)"' || true
  echo "-- secrets referenced by workflows:"
  gh api "repos/$src/contents/.github/workflows" --jq '.[].path' 2>/dev/null | while read -r f; do
    gh api "repos/$src/contents/$f" --jq '.content' | base64 -d | grep -oE 'secrets\.[A-Za-z0-9_]+' | sort -u | sed "s|^|  $f: |"
  done
  echo "-- webhooks:"
  gh api "repos/$src/hooks" --jq '.[] | "  \(.config.url) events=\(.events|join(","))"' || true
  echo "-- deploy keys:"
  gh api "repos/$src/keys" --jq '.[] | "  \(.title) read_only=\(.read_only)"' || true
  echo "-- pages:"
  gh api "repos/$src/pages" --jq '"  \(.html_url) cname=\(.cname)"' 2>/dev/null || echo "  none"
  echo "-- teams with access (lost on transfer):"
  gh api "repos/$src/teams" --jq '.[] | "  \(.slug) \(.permission)"' 2>/dev/null || echo "  n/a (user-owned)"
  echo "-- outside collaborators:"
  gh api "repos/$src/collaborators?affiliation=outside" --jq '.[].login' | sed 's/^/  /' || true
  echo "-- packages: check https://github.com/$src/packages manually; container packages do not follow."
}

run() {
  preflight
  body=$(jq -n --arg o "$dest" --arg n "$name" '{new_owner:$o,new_name:$n}')
  if [[ ${#teams[@]} -gt 0 ]]; then
    body=$(jq --argjson t "$(printf '%s\n' "${teams[@]}" | jq -R 'tonumber' | jq -s .)" '. + {team_ids:$t}' <<<"$body")
  fi
  echo
  echo "About to call: POST /repos/$src/transfer $body"
  read -r -p "Type 'yes' to transfer: " answer
  [[ "$answer" == "yes" ]] || { echo "aborted"; exit 1; }
  gh api -X POST "repos/$src/transfer" --input - <<<"$body" --jq '"transferred (or pending approval): \(.full_name)"'
  cat <<EOF2

Follow-ups:
  [ ] git remote set-url origin git@github.com:$dest/$name.git
  [ ] re-create Actions secrets/variables listed above in $dest
  [ ] update Pages custom domain / CNAME if any
  [ ] re-link or re-publish container packages
  [ ] grant teams in $dest
EOF2
}

case "$cmd" in
  preflight) preflight ;;
  run) run ;;
  *) echo "unknown command $cmd"; exit 2 ;;
esac
