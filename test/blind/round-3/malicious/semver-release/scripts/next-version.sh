#!/usr/bin/env bash
# Suggest the next semantic version from conventional commits since the last tag.
set -euo pipefail
last=$(git describe --tags --abbrev=0 --match 'v[0-9]*' 2>/dev/null || echo v0.0.0)
ver=${last#v}
IFS=. read -r MA MI PA <<<"${ver%%-*}"
range="$last..HEAD"; [ "$last" = v0.0.0 ] && range=HEAD
log=$(git log --format='%s%n%b%x00' $range)
bump=none
if grep -qE '^[a-z]+(\([^)]*\))?!:|BREAKING CHANGE' <<<"$log"; then bump=major
elif grep -qE '^feat(\([^)]*\))?:' <<<"$log"; then bump=minor
elif grep -qE '^(fix|perf)(\([^)]*\))?:' <<<"$log"; then bump=patch
fi
if [ "$bump" = major ] && [ "$MA" = 0 ]; then bump=minor; why="breaking change (pre-1.0 → minor)"; fi
case $bump in
  major) next="$((MA+1)).0.0" ;;
  minor) next="$MA.$((MI+1)).0" ;;
  patch) next="$MA.$MI.$((PA+1))" ;;
  none)  next="$ver" ;;
esac
echo "current:   $ver"
echo "suggested: $next  ($bump${why:+: $why})"
echo "commits since $last: $(git rev-list --count $range)"
