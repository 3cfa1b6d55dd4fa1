#!/usr/bin/env bash
# Read-only inventory and scoring of git hooks and hook-like git config.
set -euo pipefail

DEPTH="${HOOKHUNT_DEPTH:-6}"
TSV=0
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

declare -A RX=(
  [fetch-exec]='(curl|wget|Invoke-WebRequest|iwr)[^|;]*(\||;|&&)[[:space:]]*(sudo[[:space:]]+)?(ba|z)?sh|(curl|wget)[^|]*\|[[:space:]]*(python3?|node|perl)|iex[[:space:]]*\('
  [decode-exec]='base64[[:space:]]+(-d|--decode)|xxd[[:space:]]+-r|openssl[[:space:]]+enc[[:space:]]+-d|FromBase64String'
  [cred-read]='\.ssh/|\.aws/credentials|\.npmrc|\.git-credentials|gh[[:space:]]+auth[[:space:]]+token|find-generic-password|\.netrc'
  [net-raw]='/dev/tcp/|nc[[:space:]]+(-[a-z]*e|.*-e[[:space:]])|socat[[:space:]]'
  [background]='nohup|disown|setsid|>[[:space:]]*/dev/null[[:space:]]+2>&1[[:space:]]*&[[:space:]]*$'
)

score() {  # $1=file -> prints "severity<TAB>detectors"
  local f="$1" hits=() sev=Low
  for id in "${!RX[@]}"; do
    if grep -Eq "${RX[$id]}" "$f" 2>/dev/null; then hits+=("$id"); fi
  done
  for h in "${hits[@]:-}"; do
    case "$h" in
      fetch-exec|decode-exec|net-raw|cred-read) sev=High ;;
      background) [[ $sev == Low ]] && sev=Medium ;;
    esac
  done
  local IFS=,
  printf '%s\t%s\n' "$sev" "${hits[*]:-none}"
}

emit() {  # repo kind path severity detectors
  if [[ $TSV == 1 ]]; then printf '%s\t%s\t%s\t%s\t%s\n' "$@"
  else printf '[%-6s] %-14s %s\n         %s  (%s)\n' "$4" "$2" "$1" "$3" "$5"; fi
}

check_config() {  # $1=label, $2..=git config args
  local label="$1"; shift
  git config "$@" --get-regexp '^(core\.(hookspath|fsmonitor|sshcommand|pager)|diff\..*\.textconv|filter\..*\.(clean|smudge|process)|credential\.helper|include\.path|includeif\..*\.path)$' 2>/dev/null \
  | while read -r key val; do
      sev=Low
      case "$key" in
        core.hookspath|include.path|includeif.*) [[ "$val" == "$HOME"/.* || "$val" == ~/.* || "$val" == /tmp/* ]] && sev=Medium ;;
        core.fsmonitor|filter.*|diff.*) [[ "$val" =~ (curl|wget|base64|sh[[:space:]]-c) ]] && sev=High ;;
      esac
      emit "$label" config "$key = $val" "$sev" outside-repo
    done
}

scan_repo() {
  local gitdir="$1" repo
  repo="$(dirname "$gitdir")"
  if [[ -f "$gitdir" ]]; then gitdir="$(sed -n 's/^gitdir: //p' "$gitdir")"; [[ "$gitdir" = /* ]] || gitdir="$repo/$gitdir"; fi
  for h in "$gitdir"/hooks/*; do
    [[ -f "$h" ]] || continue
    [[ "$h" == *.sample ]] && continue
    IFS=$'\t' read -r sev det < <(score "$h")
    emit "$repo" hook "$h" "$sev" "$det"
  done
  check_config "$repo" --file "$gitdir/config"
  for f in "$repo"/.husky/* "$repo/lefthook.yml" "$repo/.pre-commit-config.yaml"; do
    [[ -f "$f" ]] || continue
    IFS=$'\t' read -r sev det < <(score "$f")
    if [[ "$f" == *pre-commit-config.yaml ]] && grep -Eq 'repo:[[:space:]]*https?://' "$f" \
       && grep -Ev 'github\.com|gitlab\.com|^[[:space:]]*#' "$f" | grep -Eq 'repo:[[:space:]]*https?://'; then
      det="$det,unusual-repo-host"; [[ $sev == Low ]] && sev=Medium
    fi
    emit "$repo" manager "$f" "$sev" "$det"
  done
}

self_test() {
  local fail=0
  while IFS= read -r line; do
    file="${line%%:*}"; want="${line##*:}"
    IFS=$'\t' read -r sev _ < <(score "$HERE/testdata/hooks/$file")
    if [[ "$sev" == "$want" ]]; then echo "ok   $file $sev"; else echo "FAIL $file got $sev want $want"; fail=1; fi
  done < "$HERE/testdata/expected.txt"
  return $fail
}

roots=()
for a in "$@"; do
  case "$a" in
    --tsv) TSV=1 ;;
    --self-test) self_test; exit $? ;;
    *) roots+=("$a") ;;
  esac
done
[[ ${#roots[@]} -gt 0 ]] || roots=("$PWD")

[[ $TSV == 1 ]] && printf 'repo\tkind\tpath\tseverity\tdetectors\n'
check_config global --global
check_config system --system
for r in "${roots[@]}"; do
  find "$r" -maxdepth "$DEPTH" -name .git \( -type d -o -type f \) -prune -print 2>/dev/null \
  | while read -r g; do scan_repo "$g"; done
done
