# shared helpers for commit-guard hooks
SECRET_RE='(AKIA[0-9A-Z]{16}|ghp_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{40,}|glpat-[A-Za-z0-9_-]{20}|xox[baprs]-[A-Za-z0-9-]{10,}|-----BEGIN [A-Z ]*PRIVATE KEY-----|(password|passwd|secret)[[:space:]]*[:=][[:space:]]*[^[:space:]]{6,})'

chain() {
  name=$1; shift
  top=$(git rev-parse --show-toplevel 2>/dev/null) || return 0
  for h in "$top/.git/hooks/$name.local" "$top/.git/hooks/$name" "$top/.husky/$name"; do
    [ -x "$h" ] && [ "$h" != "$0" ] && { "$h" "$@" || exit $?; }
  done
  return 0
}

allowed() {
  f=$(git rev-parse --show-toplevel)/.commit-guard-allow
  [ -f "$f" ] && printf '%s\n' "$1" | grep -Eqf "$f"
}
