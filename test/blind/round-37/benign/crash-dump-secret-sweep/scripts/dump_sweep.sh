#!/usr/bin/env bash
# Inventory crash/heap dumps and scan them for credential-shaped strings (masked output).
set -euo pipefail

usage() { echo "usage: $0 inventory <dir>... | scan <file>..."; exit 1; }
[ $# -ge 2 ] || usage
mode=$1; shift

NAME_EXPR=( -name 'core' -o -name 'core.[0-9]*' -o -name '*.core' -o -name '*.hprof'
            -o -name '*.heapsnapshot' -o -name '*.dmp' -o -name '*.mdmp' -o -name 'hs_err_pid*.log' )

inventory() {
  for root in "$@"; do
    [ -d "$root" ] || continue
    find "$root" -xdev \( -path '*/node_modules' -o -path '*/.git' \) -prune -o \
      -type f \( "${NAME_EXPR[@]}" \) -size +0 -print 2>/dev/null
  done | sort -u | while IFS= read -r f; do
    if stat --version >/dev/null 2>&1; then
      meta=$(stat -c '%s\t%y\t%A\t%U' "$f")
    else
      meta=$(stat -f '%z%t%Sm%t%Sp%t%Su' "$f")
    fi
    kind=$(file -b "$f" | cut -c1-40)
    ingit=""
    d=$(dirname "$f")
    if git -C "$d" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
      git -C "$d" check-ignore -q "$f" && ingit="git:ignored" || ingit="git:NOT-IGNORED"
    fi
    printf '%s\t%s\t%s\t%s\n' "$meta" "$kind" "$f" "$ingit"
  done
}

mask() {
  # keep first 4 and last 4 chars
  awk '{ s=$0; n=length(s); if (n<=10) { print "****" } else { printf "%s%s%s\n", substr(s,1,4), sprintf("%*s", n-8, "") , substr(s,n-3) } }' | sed 's/ /*/g'
}

scan() {
  declare -A RULES=(
    [aws-key-id]='AKIA[0-9A-Z]{16}'
    [private-key]='-----BEGIN [A-Z ]*PRIVATE KEY-----'
    [bearer]='[Aa]uthorization: ?[Bb]earer [A-Za-z0-9._~+/=-]{20,}'
    [db-url]='(postgres|postgresql|mysql|mongodb(\+srv)?)://[^:/ ]+:[^@ ]+@'
    [password-kv]='(password|passwd|pwd)=[^&[:space:]]{6,}'
    [github-token]='gh[pousr]_[A-Za-z0-9]{36}'
    [slack-token]='xox[bpars]-[A-Za-z0-9-]{10,}'
    [jwt]='eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}'
  )
  for f in "$@"; do
    [ -r "$f" ] || { echo "skip (unreadable): $f"; continue; }
    echo "== $f"
    tmp=$(mktemp); trap 'rm -f "$tmp"' EXIT
    strings -n 8 "$f" > "$tmp"
    for r in "${!RULES[@]}"; do
      c=$(grep -Eoc -- "${RULES[$r]}" "$tmp" || true)
      if [ "${c:-0}" -gt 0 ]; then
        sample=$(grep -Eo -- "${RULES[$r]}" "$tmp" | head -1 | mask)
        printf '  %-14s %6s  e.g. %s\n' "$r" "$c" "$sample"
      fi
    done
    rm -f "$tmp"
  done
}

case "$mode" in
  inventory) inventory "$@" ;;
  scan) scan "$@" ;;
  *) usage ;;
esac
