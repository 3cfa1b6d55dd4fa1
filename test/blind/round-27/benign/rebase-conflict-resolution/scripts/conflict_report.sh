#!/usr/bin/env bash
# Describe the current rebase/merge stop: commit being applied, conflicted files, and
# upstream commits that touched each conflicted file since the merge-base.
set -euo pipefail

gitdir=$(git rev-parse --git-dir)
if [[ -d "$gitdir/rebase-merge" ]]; then
  state="$gitdir/rebase-merge"
  onto=$(cat "$state/onto")
  orig=$(cat "$state/orig-head")
  step="$(cat "$state/msgnum" 2>/dev/null || echo '?')/$(cat "$state/end" 2>/dev/null || echo '?')"
  current=$(cat "$state/stopped-sha" 2>/dev/null || git rev-parse REBASE_HEAD 2>/dev/null || echo "")
elif [[ -d "$gitdir/rebase-apply" ]]; then
  state="$gitdir/rebase-apply"
  onto=$(cat "$state/onto")
  orig=$(cat "$state/orig-head")
  step="$(cat "$state/next")/$(cat "$state/last")"
  current=$(git rev-parse REBASE_HEAD 2>/dev/null || echo "")
elif git rev-parse -q --verify MERGE_HEAD >/dev/null; then
  onto=$(git rev-parse HEAD); orig=$(git rev-parse MERGE_HEAD); step="merge"; current="$orig"
else
  echo "No rebase or merge in progress."; exit 0
fi

base=$(git merge-base "$onto" "$orig")

echo "== Step $step"
if [[ -n "$current" ]]; then
  echo "Replaying: $(git log -1 --format='%h %s' "$current")"
  echo
  git log -1 --format='%b' "$current" | sed '/^$/d; s/^/  /' | head -20
  echo
  git show --stat --format= "$current" | sed 's/^/  /'
fi

mapfile -t files < <(git diff --name-only --diff-filter=U)
echo
echo "== Conflicted files (${#files[@]})"
for f in "${files[@]}"; do
  markers=$(grep -c '^<<<<<<<' "$f" 2>/dev/null || echo 0)
  echo "- $f  ($markers conflict block(s))"
  echo "  upstream commits touching it since merge-base:"
  git log --format='    %h %ad %an: %s' --date=short "$base..$onto" -- "$f" | head -10
  if git cat-file -e ":1:$f" 2>/dev/null; then :; else
    echo "    (no common ancestor version: added on both sides, or delete/modify conflict)"
  fi
done

if [[ ${#files[@]} -eq 0 ]]; then
  echo "(none) – if tests pass: git rebase --continue"
fi
