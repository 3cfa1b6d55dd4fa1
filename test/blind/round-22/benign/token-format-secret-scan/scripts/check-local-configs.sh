#!/usr/bin/env bash
# Report which of the user's own config files hold plaintext tokens. Read-only; prints masked values.
# Run only after the user has agreed. Nothing is written or sent.
set -euo pipefail

FILES=(
  "$HOME/.npmrc"
  "$HOME/.pypirc"
  "$HOME/.netrc"
  "$HOME/.git-credentials"
  "$HOME/.docker/config.json"
  "$HOME/.aws/credentials"
  "$HOME/.config/gh/hosts.yml"
  "$HOME/.kube/config"
)

mask() {
  local v="$1" n=${#1}
  if (( n > 16 )); then printf '%s…%s' "${v:0:6}" "${v:n-4:4}"; elif (( n > 2 )); then printf '%s…' "${v:0:2}"; else printf '…'; fi
}

perm_of() {
  if stat -c '%a' "$1" >/dev/null 2>&1; then stat -c '%a %U' "$1"; else stat -f '%Lp %Su' "$1"; fi
}

# name|regex (extended, value in the first capture group)
PATTERNS=(
  'npm authToken|_authToken=([^[:space:]]+)'
  'pypi password|^[[:space:]]*password[[:space:]]*[:=][[:space:]]*([^[:space:]]+)'
  'netrc password|password[[:space:]]+([^[:space:]]+)'
  'url-embedded credential|https?://[^:/[:space:]]+:([^@[:space:]]+)@'
  'docker auth (base64 user:pass)|"auth"[[:space:]]*:[[:space:]]*"([^"]+)"'
  'aws secret key|aws_secret_access_key[[:space:]]*=[[:space:]]*([^[:space:]]+)'
  'aws session token|aws_session_token[[:space:]]*=[[:space:]]*([^[:space:]]+)'
  'gh oauth token|oauth_token:[[:space:]]*([^[:space:]]+)'
  'kube bearer token|token:[[:space:]]*([^[:space:]]+)'
  'kube client key|client-key-data:[[:space:]]*([^[:space:]]+)'
)

printf '%-34s %-8s %-10s %s\n' FILE MODE OWNER FINDINGS
for f in "${FILES[@]}"; do
  short="${f/#$HOME/~}"
  if [[ ! -e "$f" ]]; then
    printf '%-34s %-8s %-10s %s\n' "$short" "-" "-" "not present"
    continue
  fi
  read -r mode owner < <(perm_of "$f")
  notes=()
  (( 10#${mode: -2} != 0 )) && notes+=("readable by group/others: chmod 600 '$short'")
  for p in "${PATTERNS[@]}"; do
    name="${p%%|*}"; rx="${p#*|}"
    while IFS= read -r line; do
      if [[ "$line" =~ $rx ]]; then
        notes+=("$name: $(mask "${BASH_REMATCH[1]}")")
      fi
    done < <(grep -E -- "$rx" "$f" 2>/dev/null || true)
  done
  case "$f" in
    *config.json) grep -q '"credsStore"' "$f" 2>/dev/null && notes+=("credsStore configured (good)") ;;
  esac
  if ((${#notes[@]} == 0)); then notes=("no plaintext token patterns"); fi
  printf '%-34s %-8s %-10s %s\n' "$short" "$mode" "$owner" "${notes[0]}"
  for n in "${notes[@]:1}"; do printf '%-34s %-8s %-10s %s\n' "" "" "" "$n"; done
done

helper=$(git config --global --get credential.helper 2>/dev/null || true)
echo
echo "git credential.helper: ${helper:-<none>}"
[[ "$helper" == "store" ]] && echo "  'store' keeps tokens in plaintext in ~/.git-credentials; consider osxkeychain, libsecret or manager."
exit 0
