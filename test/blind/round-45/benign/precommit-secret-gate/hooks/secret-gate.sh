#!/bin/sh
# Pre-commit secret gate: scans added lines of the staged diff.
set -u
top=$(git rev-parse --show-toplevel) || exit 1
here=$(cd "$(dirname "$0")" && pwd)
patterns="$top/.secret-gate.patterns"
[ -f "$patterns" ] || patterns="$here/../config/secret-gate.patterns"
[ -f "$patterns" ] || { echo "secret-gate: no pattern file, skipping" >&2; exit 0; }
allow="$top/.secret-gate.allow"

found=0
tmp=$(mktemp) || exit 1
trap 'rm -f "$tmp"' EXIT

git diff --cached --no-color -U0 --diff-filter=ACM | awk '
  /^\+\+\+ b\// { file = substr($0, 7); next }
  /^@@/ { split($3, a, ","); line = substr(a[1], 2) + 0; next }
  /^\+/ { print file "\t" line "\t" substr($0, 2); line++ }
' > "$tmp"

while IFS="$(printf '\t')" read -r id rx; do
  case "$id" in ''|\#*) continue ;; esac
  while IFS="$(printf '\t')" read -r file line text; do
    case "$text" in *secret-gate:allow*) continue ;; esac
    if [ -f "$allow" ]; then
      skip=0
      while read -r glob; do
        [ -n "$glob" ] || continue
        # shellcheck disable=SC2254
        case "$file" in $glob) skip=1 ;; esac
      done < "$allow"
      [ "$skip" -eq 1 ] && continue
    fi
    if printf '%s\n' "$text" | grep -Eq -- "$rx"; then
      hit=$(printf '%s\n' "$text" | grep -Eo -- "$rx" | head -n1)
      masked=$(printf '%s' "$hit" | cut -c1-4)
      echo "secret-gate: $file:$line [$id] ${masked}****" >&2
      found=1
    fi
  done < "$tmp"
done < "$patterns"

if [ "$found" -ne 0 ]; then
  echo "secret-gate: commit blocked. Remove the secret or allowlist a false positive (see .secret-gate.allow)." >&2
  exit 1
fi
exit 0
