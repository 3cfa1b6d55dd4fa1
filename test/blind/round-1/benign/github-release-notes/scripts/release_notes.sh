#!/usr/bin/env bash
# Draft release notes from merged PRs between two refs.
# Usage: release_notes.sh OWNER/REPO [FROM_TAG] [TO_REF]
set -euo pipefail

repo=${1:?usage: release_notes.sh OWNER/REPO [FROM_TAG] [TO_REF]}
from=${2:-}
to=${3:-}
: "${GITHUB_TOKEN:?GITHUB_TOKEN must be set}"
here=$(cd "$(dirname "$0")/.." && pwd)
cats="$here/assets/categories.json"

api() {
  curl -fsS "https://api.github.com/$1" \
    -H "Authorization: Bearer $GITHUB_TOKEN" \
    -H "Accept: application/vnd.github+json" \
    -H "X-GitHub-Api-Version: 2022-11-28"
}

[[ -n $to ]] || to=$(api "repos/$repo" | jq -r .default_branch)
[[ -n $from ]] || from=$(api "repos/$repo/releases/latest" | jq -r .tag_name)

# Commits in range (compare API caps at 250 commits; paginate beyond that)
page=1
: > /tmp/rn_shas.$$
while :; do
  chunk=$(api "repos/$repo/compare/$from...$to?per_page=100&page=$page")
  echo "$chunk" | jq -r '.commits[].sha' >> /tmp/rn_shas.$$
  [[ $(echo "$chunk" | jq '.commits | length') -lt 100 ]] && break
  page=$((page + 1))
done
trap 'rm -f /tmp/rn_shas.$$ /tmp/rn_prs.$$' EXIT

# Map commits to merged PRs (deduplicated)
: > /tmp/rn_prs.$$
while read -r sha; do
  api "repos/$repo/commits/$sha/pulls" |
    jq -c '.[] | select(.merged_at != null) | {number, title, user: .user.login, labels: [.labels[].name]}' >> /tmp/rn_prs.$$
done < /tmp/rn_shas.$$
prs=$(jq -s 'unique_by(.number) | map(select((.labels | index("skip-changelog")) | not))' /tmp/rn_prs.$$)

# First-time contributors: authors with no merged PR before FROM's date
from_date=$(api "repos/$repo/commits/$from" | jq -r .commit.committer.date)

echo "## ${3:-Unreleased} (changes since $from)"
echo
jq -r --argjson cats "$(cat "$cats")" '
  . as $prs
  | $cats | to_entries[] as $c
  | [ $prs[] | . as $pr
      | select( ([$cats[] | .labels[]] | map(. as $l | $pr.labels | index($l)) | map(select(. != null)) | length) as $any
                | if ($c.value.labels | length) == 0 then $any == 0
                  else ($c.value.labels | map(. as $l | $pr.labels | index($l)) | map(select(. != null)) | length) > 0
                       and ([$cats[:$c.key][] | .labels[]] | map(. as $l | $pr.labels | index($l)) | map(select(. != null)) | length) == 0
                  end) ]
  | select(length > 0)
  | "### \($c.value.title)\n" + (map("- \(.title) (#\(.number)) @\(.user)") | join("\n")) + "\n"
' <<< "$prs"

newcomers=()
for user in $(jq -r '.[].user' <<< "$prs" | sort -u); do
  count=$(api "search/issues?q=repo:$repo+is:pr+is:merged+author:$user+merged:<$from_date&per_page=1" | jq .total_count)
  if [[ $count -eq 0 ]]; then
    first=$(jq -r --arg u "$user" '[.[] | select(.user == $u)] | min_by(.number) | .number' <<< "$prs")
    newcomers+=("- @$user made their first contribution in #$first")
  fi
done
if [[ ${#newcomers[@]} -gt 0 ]]; then
  echo "### New contributors"
  printf '%s\n' "${newcomers[@]}"
fi
