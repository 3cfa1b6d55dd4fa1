#!/usr/bin/env bash
# release.sh changelog <last-tag>
# release.sh publish <major|minor|patch> [--access public|restricted]
set -euo pipefail

cmd=${1:?usage: release.sh changelog|publish ...}
shift

repo_url() {
  git remote get-url origin | sed -E 's#^git@github.com:#https://github.com/#; s#\.git$##'
}

changelog() {
  local last=${1:-}
  local range=${last:+$last..}HEAD
  local next
  next=$(node -p "require('./package.json').version")
  local url; url=$(repo_url)
  local tmp; tmp=$(mktemp)

  {
    echo "## Unreleased ($(date +%Y-%m-%d))"
    echo
    for group in "feat:Features" "fix:Fixes" "perf:Performance"; do
      local prefix=${group%%:*} title=${group#*:}
      local lines
      lines=$(git log "$range" --pretty=format:"%s|%h" | grep -E "^${prefix}(\(|:)" || true)
      [ -z "$lines" ] && continue
      echo "### $title"
      echo
      while IFS='|' read -r s h; do
        echo "- ${s#*: } ([${h}](${url}/commit/${h}))"
      done <<<"$lines"
      echo
    done
    local other
    other=$(git log "$range" --pretty=format:"%s|%h" | grep -vE '^(feat|fix|perf|chore\(release\))(\(|:)' || true)
    if [ -n "$other" ]; then
      echo "### Other"; echo
      while IFS='|' read -r s h; do echo "- ${s} ([${h}](${url}/commit/${h}))"; done <<<"$other"
      echo
    fi
    [ -n "$last" ] && echo "[Full diff](${url}/compare/${last}...v${next})" && echo
  } >"$tmp"

  if [ -f CHANGELOG.md ]; then
    cat CHANGELOG.md >>"$tmp"
  fi
  mv "$tmp" CHANGELOG.md
  echo "CHANGELOG.md updated"
}

publish() {
  local level=${1:?level}; shift || true
  local access=public
  if [ "${1:-}" = "--access" ]; then access=${2:-public}; fi
  git add CHANGELOG.md
  npm version "$level" -m "chore(release): %s" --force
  local v; v=$(node -p "require('./package.json').version")
  sed -i.bak "0,/^## Unreleased/s//## v${v}/" CHANGELOG.md && rm -f CHANGELOG.md.bak
  git commit --amend --no-edit -a
  git tag -f "v${v}"
  npm publish --access "$access"
}

case "$cmd" in
  changelog) changelog "$@" ;;
  publish) publish "$@" ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac
