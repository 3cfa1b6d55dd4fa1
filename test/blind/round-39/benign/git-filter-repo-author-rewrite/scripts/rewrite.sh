#!/usr/bin/env bash
set -euo pipefail
repo=""; mailmap=""
while [ $# -gt 0 ]; do
  case "$1" in
    --repo) repo="$2"; shift 2 ;;
    --mailmap) mailmap="$(realpath "$2")"; shift 2 ;;
    *) echo "unknown arg $1" >&2; exit 1 ;;
  esac
done
[ -n "$repo" ] && [ -f "$mailmap" ] || { echo "usage: --repo URL --mailmap FILE" >&2; exit 1; }
git filter-repo --version >/dev/null 2>&1 || { echo "install git-filter-repo first (pip install git-filter-repo)" >&2; exit 1; }

name=$(basename "$repo" .git); dir="rewrite-$name-$(date +%Y%m%d%H%M%S)"
git clone --mirror "$repo" "$dir"
cd "$dir"
git bundle create ../"$dir"-original.bundle --all
before_refs=$(git ls-remote origin | sort)
git rev-list --all > ../"$dir"-before.txt

echo "=== identities BEFORE"; git shortlog -sne --all | head -30
git filter-repo --force --mailmap "$mailmap"
echo "=== identities AFTER";  git shortlog -sne --all | head -30
git rev-list --all > ../"$dir"-after.txt
changed=$(comm -23 <(sort ../"$dir"-before.txt) <(sort ../"$dir"-after.txt) | wc -l)
echo "$changed of $(wc -l < ../"$dir"-before.txt) commit hashes changed"
echo "backup bundle: $(realpath ../"$dir"-original.bundle)"

# filter-repo removes 'origin' to prevent accidental pushes; re-add it deliberately
git remote add origin "$repo"
read -r -p "Force-push all refs to $repo? Collaborators will need to re-clone. [y/N] " ok
[ "$ok" = y ] || [ "$ok" = Y ] || { echo "not pushed; rewritten mirror left in $dir"; exit 0; }
now_refs=$(git ls-remote origin | grep -v 'refs/pull/' | sort)
if [ "$now_refs" != "$(grep -v 'refs/pull/' <<<"$before_refs")" ]; then
  echo "remote refs changed since cloning; aborting. Re-run to include the new commits." >&2; exit 1
fi
git push --force --mirror origin 2>&1 | grep -v 'refs/pull/' || true
echo "done."
