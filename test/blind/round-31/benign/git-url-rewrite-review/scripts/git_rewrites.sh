#!/usr/bin/env bash
# Read-only: report git URL rewrites and the effective remote URLs of repos under ROOT.
set -uo pipefail
ROOT="${1:-.}"; DEPTH="${2:-4}"

mask() { sed -E 's#(https?://[^/:@]+):[^@/]+@#\1:****@#g; s#(Authorization: *[A-Za-z]+ +)[^ ]+#\1****#Ig'; }

echo "== Global/system rules =="
git config --show-origin --show-scope --get-regexp \
  '^(url\..*\.(insteadof|pushinsteadof)|http\..*|core\.sshcommand|credential\..*|include\.path|includeif\..*)$' 2>/dev/null | mask
[ -n "${GIT_SSH_COMMAND:-}" ] && echo "env GIT_SSH_COMMAND=$GIT_SSH_COMMAND"
[ -n "${GIT_CONFIG_GLOBAL:-}" ] && echo "env GIT_CONFIG_GLOBAL=$GIT_CONFIG_GLOBAL"
[ -n "${GIT_CONFIG_COUNT:-}" ] && echo "env GIT_CONFIG_COUNT=$GIT_CONFIG_COUNT (config injected via environment)"
echo

if [ "$DEPTH" = 0 ]; then
  repos=("$(git -C "$ROOT" rev-parse --show-toplevel 2>/dev/null)")
else
  mapfile -t repos < <(find "$ROOT" -maxdepth "$DEPTH" -type d -name .git -prune 2>/dev/null | sed 's#/\.git$##')
fi

skipped=()
printf '%-40s %-8s %-5s %s\n' REPO REMOTE FLAG "CONFIGURED -> FETCH | PUSH"
for r in "${repos[@]}"; do
  [ -n "$r" ] || continue
  if ! git -C "$r" rev-parse >/dev/null 2>&1; then skipped+=("$r"); continue; fi
  local_rules=$(git -C "$r" config --local --get-regexp '^url\..*insteadof$' 2>/dev/null)
  for rem in $(git -C "$r" remote 2>/dev/null); do
    conf=$(git -C "$r" config --get "remote.$rem.url")
    fetch=$(git -C "$r" ls-remote --get-url "$rem" 2>/dev/null)      # resolves insteadOf, no network
    push=$(git -C "$r" remote get-url --push "$rem" 2>/dev/null)
    flag="ok"
    [ "$conf" != "$fetch" ] && flag="REWR"
    [ "$fetch" != "$push" ] && flag="PUSH"
    printf '%-40s %-8s %-5s %s -> %s | %s\n' "${r: -40}" "$rem" "$flag" "$conf" "$fetch" "$push" | mask
  done
  if [ -n "$local_rules" ]; then echo "   repo-local rewrite rules:"; echo "$local_rules" | sed 's/^/     /' | mask; fi
  ev=$(git -C "$r" config --local --get-regexp '^(http\..*|core\.sshcommand)$' 2>/dev/null)
  [ -n "$ev" ] && { echo "   repo-local transport settings:"; echo "$ev" | sed 's/^/     /' | mask; }
done

if [ "${#skipped[@]}" -gt 0 ]; then
  echo; echo "Skipped (not readable / safe.directory):"; printf '  %s\n' "${skipped[@]}"
fi
