#!/usr/bin/env bash
# Fail if the branch changes source files but adds no towncrier fragment.
# Usage: check_fragment.sh <base-ref> [source-dir] [fragment-dir]
set -euo pipefail
base="${1:?base ref, e.g. origin/main}"
src="${2:-src}"
frag="${3:-changes}"

merge_base="$(git merge-base "$base" HEAD)"
changed_src="$(git diff --name-only --diff-filter=ACMRD "$merge_base"...HEAD -- "$src" | wc -l)"
added_frag="$(git diff --name-only --diff-filter=A "$merge_base"...HEAD -- "$frag" \
  | grep -Ev '(^|/)\.gitkeep$' | wc -l)"

if [ "$changed_src" -gt 0 ] && [ "$added_frag" -eq 0 ]; then
  echo "This change touches $changed_src file(s) under $src/ but adds no news fragment in $frag/."
  echo "Add one, e.g.: towncrier create -c 'Describe the change.' <issue>.bugfix.md"
  echo "or apply the 'skip-news' label if the change is not user-visible."
  exit 1
fi

if [ "$added_frag" -gt 0 ]; then
  towncrier check --compare-with "$base" >/dev/null
fi
echo "news fragment check passed ($added_frag fragment(s))"
