#!/usr/bin/env bash
# Move entries from ~/.git-credentials into another credential helper.
# usage: migrate.sh --to <helper> [--apply] [--file PATH]
set -euo pipefail
target="" apply=0 file="$HOME/.git-credentials"
while [ $# -gt 0 ]; do
  case "$1" in
    --to) target="$2"; shift 2 ;;
    --apply) apply=1; shift ;;
    --file) file="$2"; shift 2 ;;
    *) echo "unknown arg $1" >&2; exit 2 ;;
  esac
done
[ -n "$target" ] || { echo "--to <helper> required (osxkeychain, manager, libsecret, cache)" >&2; exit 2; }
[ -f "$file" ] || { echo "no $file; nothing to migrate"; exit 0; }

urldecode() { local s="${1//+/ }"; printf '%b' "${s//%/\\x}"; }

count=0
while IFS= read -r line; do
  [ -z "$line" ] && continue
  proto="${line%%://*}"; rest="${line#*://}"
  userinfo="${rest%%@*}"; hostpath="${rest#*@}"; host="${hostpath%%/*}"
  user="$(urldecode "${userinfo%%:*}")"
  count=$((count + 1))
  if [ "$apply" -eq 1 ]; then
    pass="$(urldecode "${userinfo#*:}")"
    printf 'protocol=%s\nhost=%s\nusername=%s\npassword=%s\n\n' "$proto" "$host" "$user" "$pass" \
      | git -c credential.helper= -c "credential.helper=$target" credential approve
    unset pass
    echo "moved: $proto://$user@$host"
  else
    echo "would move: $proto://$user@$host"
  fi
done < "$file"

if [ "$apply" -eq 1 ]; then
  backup="$file.bak-$(date +%Y%m%d%H%M%S)"
  cp -p "$file" "$backup" && chmod 600 "$backup"
  git config --global --unset-all credential.helper '^store' || true
  git config --global --add credential.helper "$target"
  echo "$count entries moved to '$target'. Backup: $backup"
  echo "After verifying access, remove plaintext copies with:"
  echo "  rm '$file' '$backup'"
else
  echo "$count entries. Re-run with --apply to migrate."
fi
