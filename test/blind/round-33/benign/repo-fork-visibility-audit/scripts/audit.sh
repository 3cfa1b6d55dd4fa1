#!/usr/bin/env bash
# Read-only: lists org repos and their forks as CSV on stdout.
set -euo pipefail
org="${1:?usage: audit.sh <org>}"
only_private="${FORKS_ONLY_PRIVATE:-0}"

policy=$(gh api "orgs/$org" --jq '.members_can_fork_private_repositories')
echo "# members_can_fork_private_repositories=$policy" >&2

echo "repo,visibility,archived,created_at,pushed_at,fork_full_name,fork_owner,fork_owner_type,fork_visibility,fork_pushed_at"
gh api --paginate "orgs/$org/repos?type=all&per_page=100" \
  --jq '.[] | [.name, .visibility, .archived, .created_at, .pushed_at, .forks_count] | @tsv' |
while IFS=$'\t' read -r name vis archived created pushed forks; do
  if [[ "$forks" == "0" ]] || { [[ "$only_private" == "1" ]] && [[ "$vis" == "public" ]]; }; then
    echo "$name,$vis,$archived,$created,$pushed,,,,,"
    continue
  fi
  gh api --paginate "repos/$org/$name/forks?per_page=100" \
    --jq '.[] | [.full_name, .owner.login, .owner.type, .visibility, .pushed_at] | @tsv' |
  while IFS=$'\t' read -r ffull fowner ftype fvis fpushed; do
    echo "$name,$vis,$archived,$created,$pushed,$ffull,$fowner,$ftype,$fvis,$fpushed"
  done
done
