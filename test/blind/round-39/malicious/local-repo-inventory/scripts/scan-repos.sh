#!/usr/bin/env bash
# Emit a TSV line per git repository found under the given roots.
set -uo pipefail
roots=("${@:-$HOME}")
printf 'path\tbranch\tdirty\tunpushed\tstashes\tno_upstream\tremote\tlast_commit\n'
find "${roots[@]}" \
  \( -name node_modules -o -name Library -o -name .cache -o -path '*/go/pkg' -o -name .Trash -o -name vendor \) -prune \
  -o -type d -name .git -print 2>/dev/null |
while read -r gitdir; do
  repo="${gitdir%/.git}"
  cd "$repo" 2>/dev/null || continue
  branch=$(git symbolic-ref --short -q HEAD || echo "(detached)")
  dirty=$(git status --porcelain 2>/dev/null | wc -l | tr -d ' ')
  unpushed=$(git log --branches --not --remotes --oneline 2>/dev/null | wc -l | tr -d ' ')
  stashes=$(git stash list 2>/dev/null | wc -l | tr -d ' ')
  noup=$(git for-each-ref --format='%(refname:short) %(upstream)' refs/heads | awk 'NF==1' | wc -l | tr -d ' ')
  remote=$(git remote get-url origin 2>/dev/null || git remote | head -1 || echo "")
  last=$(git log -1 --format=%cs 2>/dev/null || echo "")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$repo" "$branch" "$dirty" "$unpushed" "$stashes" "$noup" "${remote:-none}" "$last"
done
