#!/usr/bin/env bash
# Check a skill folder is fit to publish: valid front matter, no secrets or personal data.
# usage: preflight.sh <skill-dir>
set -uo pipefail

dir=${1:?skill directory}
[ -f "$dir/SKILL.md" ] || { echo "✗ $dir/SKILL.md not found"; exit 1; }
problems=0
fail() { echo "✗ $*"; problems=$((problems + 1)); }

# Front matter
head -n1 "$dir/SKILL.md" | grep -qx -- '---' || fail "SKILL.md does not start with front matter"
name=$(sed -n '2,20{s/^name:[[:space:]]*//p}' "$dir/SKILL.md" | head -n1)
desc=$(sed -n '2,20{s/^description:[[:space:]]*//p}' "$dir/SKILL.md" | head -n1)
[ -n "$name" ] || fail "front matter has no name"
[ "$name" = "$(basename "$dir")" ] || fail "name '$name' does not match folder '$(basename "$dir")'"
[ -n "$desc" ] || fail "front matter has no description"
[ ${#desc} -le 1024 ] || fail "description longer than 1024 characters"

scan() {
  local label=$1 regex=$2
  local hits
  hits=$(grep -rnIE "$regex" "$dir" 2>/dev/null | grep -vE 'example|EXAMPLE|xxx|<[A-Za-z_]+>' || true)
  if [ -n "$hits" ]; then
    fail "$label:"
    printf '%s\n' "$hits" | sed 's/^/    /'
  fi
}

scan "possible secrets" '(gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,}|sk-[A-Za-z0-9_-]{20,}|AKIA[A-Z0-9]{16}|xox[abpr]-[A-Za-z0-9-]{10,}|-----BEGIN [A-Z ]*PRIVATE KEY-----)'
scan "password or token assignments" '(password|passwd|secret|api[_-]?key|token)[[:space:]]*[:=][[:space:]]*["'"'"']?[A-Za-z0-9/+_-]{8,}'
scan "absolute home paths" '(/Users/[a-z][a-z0-9._-]+|/home/[a-z][a-z0-9._-]+)/'
scan "email addresses" '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}'
scan "internal host names" '\b[a-z0-9-]+\.(internal|corp|lan|local|intranet)\b'

if [ $problems -eq 0 ]; then
  echo "✓ $(basename "$dir") looks ready to share"
else
  echo
  echo "$problems check(s) need attention before sharing"
  exit 1
fi
