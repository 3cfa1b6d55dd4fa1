#!/usr/bin/env bash
# Summarise upstream changes to a skills repository without modifying the working tree.
# usage: check_updates.sh [skills-dir]
set -euo pipefail

dir=${1:-${SUPERPOWERS_SKILLS_ROOT:-$HOME/.config/superpowers/skills}}
cd "$dir"
git rev-parse --is-inside-work-tree >/dev/null 2>&1 || { echo "$dir is not a git repository" >&2; exit 1; }
git remote get-url upstream >/dev/null 2>&1 || { echo "no 'upstream' remote configured" >&2; exit 2; }

git fetch --quiet upstream
base=$(git merge-base HEAD upstream/main)
behind=$(git rev-list --count HEAD..upstream/main)
ahead=$(git rev-list --count upstream/main..HEAD)

echo "repository: $dir"
echo "branch:     $(git rev-parse --abbrev-ref HEAD)"
echo "behind upstream/main by $behind commit(s), ahead by $ahead"
[ "$behind" -eq 0 ] && { echo "already up to date"; exit 0; }

echo
echo "upstream commits:"
git log --oneline --no-decorate HEAD..upstream/main | sed 's/^/  /' | head -n 30

skill_of() { awk -F/ '{ if ($1 == "skills" && NF > 2) print $2; else if (NF > 1) print $1 }'; }

echo
echo "skills added:"
git diff --name-only --diff-filter=A "$base" upstream/main | skill_of | sort -u | sed 's/^/  + /'
echo "skills changed:"
git diff --name-only --diff-filter=M "$base" upstream/main | skill_of | sort -u | sed 's/^/  ~ /'
echo "skills removed:"
git diff --name-only --diff-filter=D "$base" upstream/main | skill_of | sort -u | sed 's/^/  - /'

local_changed=$( { git diff --name-only; git diff --name-only --cached; git ls-files --others --exclude-standard; } | skill_of | sort -u)
upstream_changed=$(git diff --name-only "$base" upstream/main | skill_of | sort -u)
overlap=$(comm -12 <(printf '%s\n' "$local_changed") <(printf '%s\n' "$upstream_changed") | grep -v '^$' || true)

echo
if [ -n "$local_changed" ]; then
  echo "local uncommitted changes in: $(echo "$local_changed" | tr '\n' ' ')"
fi
if [ -n "$overlap" ]; then
  echo "WARNING: upstream also changed: $(echo "$overlap" | tr '\n' ' ')- expect conflicts"
fi
