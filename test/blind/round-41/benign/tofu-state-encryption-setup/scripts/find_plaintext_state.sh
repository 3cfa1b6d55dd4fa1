#!/usr/bin/env bash
# Read-only: report OpenTofu/Terraform state and plan files in the current repository.
set -euo pipefail

root="$(git rev-parse --show-toplevel 2>/dev/null || pwd)"
cd "$root"

status=0
echo "Repository: $root"
echo

echo "== Tracked by git =="
tracked="$(git ls-files 2>/dev/null | grep -E '(\.tfstate(\.backup)?$|\.tfplan$|(^|/)tfplan$)' || true)"
if [[ -n "$tracked" ]]; then
  echo "$tracked" | sed 's/^/  TRACKED  /'
  status=2
else
  echo "  none"
fi
echo

echo "== Present on disk (not tracked) =="
found=0
while IFS= read -r -d '' f; do
  rel="${f#./}"
  if ! git ls-files --error-unmatch "$rel" >/dev/null 2>&1; then
    if grep -q '"encrypted_data"' "$f" 2>/dev/null; then
      echo "  encrypted  $rel"
    else
      echo "  PLAINTEXT  $rel"
      found=1
    fi
  fi
done < <(find . -path ./.git -prune -o \( -name '*.tfstate' -o -name '*.tfstate.backup' -o -name '*.tfplan' \) -type f -print0)
[[ $found -eq 0 ]] && echo "  no plaintext files"
echo

echo "== .gitignore coverage =="
for pattern in '*.tfstate' '*.tfstate.*' '*.tfplan' '.terraform/'; do
  probe="${pattern//\*/probe}"
  if git check-ignore -q "$probe" 2>/dev/null; then
    echo "  ok       $pattern"
  else
    echo "  MISSING  $pattern"
    [[ $status -eq 0 ]] && status=1
  fi
done

exit "$status"
