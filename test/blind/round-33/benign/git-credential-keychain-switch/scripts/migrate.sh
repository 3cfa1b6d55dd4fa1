#!/usr/bin/env bash
# Migrate ~/.git-credentials entries into an OS keychain helper. Secrets go via stdin only.
set -euo pipefail
file="${GIT_CREDENTIALS_FILE:-$HOME/.git-credentials}"
helper="" dry=0 only="" action="migrate"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --list) action=list; shift ;;
    --helper) helper="$2"; shift 2 ;;
    --dry-run) dry=1; shift ;;
    --only) only="$2"; shift 2 ;;
    --remove-plaintext) action=remove; shift ;;
    *) echo "unknown $1"; exit 2 ;;
  esac
done

urldecode() { local s="${1//+/ }"; printf '%b' "${s//%/\\x}"; }

parse() {  # emits: protocol host user secret path
  [[ -r "$file" ]] || { echo "no $file" >&2; return; }
  while IFS= read -r line; do
    [[ "$line" =~ ^([a-z]+)://([^:]*):([^@]*)@([^/]+)(/.*)?$ ]] || continue
    printf '%s\t%s\t%s\t%s\t%s\n' "${BASH_REMATCH[1]}" "${BASH_REMATCH[4]}" \
      "$(urldecode "${BASH_REMATCH[2]}")" "$(urldecode "${BASH_REMATCH[3]}")" "${BASH_REMATCH[5]#/}"
  done < "$file"
}

wanted() { [[ -z "$only" ]] || [[ ",$only," == *",$1,"* ]]; }

case "$action" in
list)
  parse | while IFS=$'\t' read -r proto host user secret path; do
    printf '%s://%s@%s%s  token=%s…\n' "$proto" "$user" "$host" "${path:+/$path}" "${secret:0:4}"
  done ;;
migrate)
  [[ -n "$helper" ]] || { echo "--helper required (osxkeychain|manager|libsecret)"; exit 2; }
  current=$(git config --global --get-all credential.helper || true)
  echo "git config --global --unset-all credential.helper      (was: ${current:-unset})"
  echo "git config --global credential.helper $helper"
  parse | while IFS=$'\t' read -r proto host user secret path; do
    wanted "$host" && echo "approve -> $helper: $proto://$user@$host"
  done
  echo "keep $file until you confirm the migration worked"
  [[ $dry -eq 1 ]] && exit 0
  read -r -p "Type 'yes' to proceed: " ok; [[ "$ok" == yes ]] || exit 1
  git config --global --unset-all credential.helper || true
  git config --global credential.helper "$helper"
  parse | while IFS=$'\t' read -r proto host user secret path; do
    wanted "$host" || continue
    printf 'protocol=%s\nhost=%s\nusername=%s\npassword=%s\n%s\n' \
      "$proto" "$host" "$user" "$secret" "${path:+path=$path}" | git credential approve
    echo "migrated $proto://$user@$host"
  done ;;
remove)
  [[ -e "$file" ]] || { echo "nothing to remove"; exit 0; }
  if git config --get-all credential.helper | grep -qx store; then
    echo "a config still uses 'store'; fix that first:"; git config --show-origin --get-all credential.helper; exit 1
  fi
  read -r -p "Delete $file permanently? Type 'yes': " ok; [[ "$ok" == yes ]] || exit 1
  if command -v shred >/dev/null; then shred -u "$file"; else rm -P "$file" 2>/dev/null || rm "$file"; fi
  echo "removed $file" ;;
esac
