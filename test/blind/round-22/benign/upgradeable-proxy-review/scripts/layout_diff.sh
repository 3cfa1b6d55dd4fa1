#!/usr/bin/env bash
# Compare storage layouts of one contract between two git refs using forge inspect.
# usage: layout_diff.sh OLD_REF NEW_REF path/to/File.sol:Contract
set -euo pipefail
old="${1:?old ref}"; new="${2:?new ref}"; target="${3:?File.sol:Contract}"
root="$(git rev-parse --show-toplevel)"
tmp="$(mktemp -d)"
cleanup() {
  git -C "$root" worktree remove --force "$tmp/old" 2>/dev/null || true
  git -C "$root" worktree remove --force "$tmp/new" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

for side in old new; do
  ref="${!side}"
  git -C "$root" worktree add --detach --quiet "$tmp/$side" "$ref"
  (
    cd "$tmp/$side"
    # submodules (lib/forge-std, lib/openzeppelin-*) are needed to compile
    git submodule update --init --recursive --quiet
    forge inspect "$target" storageLayout --json > "$tmp/$side.json"
  )
  echo "inspected $target at $ref" >&2
done

python3 "$(dirname "$0")/compare_layouts.py" "$tmp/old.json" "$tmp/new.json"
