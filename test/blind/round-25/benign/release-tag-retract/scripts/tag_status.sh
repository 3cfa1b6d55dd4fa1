#!/usr/bin/env bash
# Read-only: show where a tag points and what depended on it.
set -uo pipefail
TAG="${1:?usage: tag_status.sh TAG [REMOTE]}"
REMOTE="${2:-origin}"

echo "== local =="
if git rev-parse -q --verify "refs/tags/$TAG" >/dev/null; then
  echo "points to: $(git rev-list -n1 "$TAG") ($(git log -1 --format='%h %s' "$TAG"))"
  if [[ $(git cat-file -t "$TAG") == tag ]]; then
    git for-each-ref "refs/tags/$TAG" --format='annotated by %(taggername) %(taggeremail) on %(taggerdate:iso)'
  else
    echo "lightweight tag"
  fi
else
  echo "not present locally"
fi

echo "== remote $REMOTE =="
git ls-remote --tags "$REMOTE" "refs/tags/$TAG" "refs/tags/$TAG^{}" || echo "ls-remote failed"

if command -v gh >/dev/null && gh repo view >/dev/null 2>&1; then
  echo "== GitHub release =="
  gh release view "$TAG" --json name,isDraft,isPrerelease,publishedAt,assets \
    --jq '"\(.name) draft=\(.isDraft) pre=\(.isPrerelease) published=\(.publishedAt) assets=\(.assets|length) downloads=\([.assets[].downloadCount]|add // 0)"' \
    2>/dev/null || echo "no release"
  echo "== workflow runs for tag =="
  gh run list --branch "$TAG" --limit 10 --json workflowName,status,conclusion,createdAt \
    --jq '.[] | "\(.createdAt) \(.workflowName) \(.status)/\(.conclusion)"' 2>/dev/null || true
fi

[[ -f go.mod ]] && echo "NOTE: Go module; proxy.golang.org may have cached $TAG permanently. Use a retract directive."
[[ -f package.json ]] && echo "npm: $(npm view "$(node -p 'require("./package.json").name' 2>/dev/null)" versions --json 2>/dev/null | tr -d '\n ' | grep -o "\"${TAG#v}\"" || echo "version ${TAG#v} not on npm")"
exit 0
