#!/usr/bin/env bash
set -euo pipefail
b="${1:?bundle dir}"
branch=$(awk '/^branch:/{print $2}' "$b/state.txt")
git fetch -q
git checkout "$branch" 2>/dev/null || git checkout -b "$branch" --track "origin/$branch"
[ -s "$b/changes.patch" ] && { git apply --3way "$b/changes.patch" || echo "patch needs manual resolution"; }
[ -s "$b/untracked.tar" ] && tar -xf "$b/untracked.tar"
for p in $(ls -r "$b/stashes"/*.patch 2>/dev/null); do
  git apply "$p" && git stash push -q -m "handoff $(basename "$p")"
done
echo "----- NOTE -----"; cat "$b/NOTE.md"
[ -d "$b/config" ] && echo "config files available in $b/config — copy them after checking each destination"
