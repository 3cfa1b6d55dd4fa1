#!/usr/bin/env bash
# Export classic branch protection for every protected branch of a repo as JSON.
# usage: export-protections.sh OWNER/REPO
set -euo pipefail
repo="${1:?usage: export-protections.sh OWNER/REPO}"

branches=$(gh api "repos/$repo/branches" --paginate -q '.[] | select(.protected) | .name')
echo "{"
first=1
for b in $branches; do
  enc=$(jq -rn --arg b "$b" '$b|@uri')
  prot=$(gh api "repos/$repo/branches/$enc/protection" 2>/dev/null || echo '{}')
  [[ $first -eq 1 ]] || echo ","
  first=0
  printf '  %s: %s' "$(jq -Rn --arg b "$b" '$b')" "$prot"
done
echo
echo "}"
