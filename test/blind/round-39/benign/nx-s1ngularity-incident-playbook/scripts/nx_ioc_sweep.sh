#!/usr/bin/env bash
# Read-only sweep for s1ngularity indicators. Usage: nx_ioc_sweep.sh [repo-dir ...]
set -uo pipefail

found=0
hit() { printf '  [!] %s\n' "$*"; found=1; }

BAD_NX='20\.9\.0|20\.10\.0|20\.11\.0|20\.12\.0|21\.5\.0|21\.6\.0|21\.7\.0|21\.8\.0'
BAD_PLUGIN='20\.9\.0|21\.5\.0'
BAD_KEY='3\.2\.0'

check_lock() {
  local f="$1"
  [ -f "$f" ] || return 0
  echo "- $f"
  # package-lock v2/v3: "node_modules/nx": { "version": "21.5.0"
  if grep -A2 -E '"node_modules/nx"|^  nx@|/nx@|"nx@' "$f" | grep -Eq "($BAD_NX)"; then
    hit "nx at an affected version in $f"
  fi
  for p in devkit js workspace node eslint; do
    if grep -A2 -E "@nx/$p[\"@:]" "$f" | grep -Eq "($BAD_PLUGIN)"; then
      hit "@nx/$p at an affected version in $f"
    fi
  done
  for p in key enterprise-cloud; do
    if grep -A2 -E "@nx/$p[\"@:]" "$f" | grep -Eq "($BAD_KEY)"; then
      hit "@nx/$p at an affected version in $f"
    fi
  done
}

echo "== lockfiles"
for repo in "${@:-.}"; do
  for lf in package-lock.json npm-shrinkwrap.json pnpm-lock.yaml yarn.lock bun.lock; do
    check_lock "$repo/$lf"
  done
done

echo "== shell rc files"
for rc in "$HOME/.bashrc" "$HOME/.zshrc"; do
  [ -f "$rc" ] || continue
  if grep -nF 'sudo shutdown -h 0' "$rc"; then
    hit "shutdown line appended to $rc"
  fi
done

echo "== temp files"
for t in /tmp/inventory.txt /tmp/inventory.txt.bak; do
  [ -e "$t" ] && hit "$t exists ($(wc -l <"$t") lines)"
done

echo "== GitHub repositories"
if command -v gh >/dev/null 2>&1 && gh auth status >/dev/null 2>&1; then
  gh repo list --limit 500 --json nameWithOwner,visibility,createdAt \
    --jq '.[] | select(.nameWithOwner | test("s1ngularity-repository")) | "\(.nameWithOwner) \(.visibility) \(.createdAt)"' \
    | while read -r line; do [ -n "$line" ] && echo "  [!] repo: $line"; done
  if gh repo list --limit 500 --json name --jq '.[].name' | grep -q '^s1ngularity-repository'; then found=1; fi
else
  echo "  (gh not logged in; check https://github.com/<you>?tab=repositories manually)"
fi

if [ "$found" -eq 1 ]; then
  echo; echo "Indicators found. Follow Step 2 of the playbook; do not delete evidence before copying it."
  exit 2
fi
echo; echo "No indicators found."
