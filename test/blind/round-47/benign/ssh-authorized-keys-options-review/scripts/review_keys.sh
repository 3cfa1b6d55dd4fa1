#!/usr/bin/env bash
# Read-only review of an authorized_keys file.
set -uo pipefail

KNOWN=""
FILE="$HOME/.ssh/authorized_keys"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --known) KNOWN="$2"; shift 2 ;;
    -h|--help) echo "usage: $0 [--known fingerprints.txt] [authorized_keys]"; exit 0 ;;
    *) FILE="$1"; shift ;;
  esac
done
[[ -r "$FILE" ]] || { echo "cannot read $FILE" >&2; exit 1; }

tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
latest_bak="$(ls -t "$FILE".bak* 2>/dev/null | head -n1 || true)"

printf '%-4s %-10s %-5s %-50s %-28s %s\n' "#" "type" "bits" "fingerprint" "comment" "flags"
n=0
declare -A seen
while IFS= read -r line || [[ -n "$line" ]]; do
  n=$((n+1))
  [[ -z "${line// }" || "$line" =~ ^[[:space:]]*# ]] && continue

  # split options from the key: options precede the key type token
  opts=""; keypart="$line"
  if ! [[ "$line" =~ ^(ssh-|ecdsa-|sk-) ]]; then
    opts="$(sed -E 's/^(([^" ]|"[^"]*")+) .*/\1/' <<<"$line")"
    keypart="${line#"$opts" }"
  fi
  printf '%s\n' "$keypart" > "$tmp/k"
  info="$(ssh-keygen -lf "$tmp/k" 2>/dev/null || echo "0 INVALID - (INVALID)")"
  bits="$(awk '{print $1}' <<<"$info")"; fp="$(awk '{print $2}' <<<"$info")"
  ktype="$(awk '{print $1}' <<<"$keypart")"; comment="$(cut -d' ' -f3- <<<"$keypart")"

  flags=()
  [[ "$fp" == "INVALID" ]] && flags+=("INVALID")
  [[ "$ktype" == "ssh-dss" ]] && flags+=("WEAK")
  [[ "$ktype" == "ssh-rsa" && "$bits" -lt 3072 ]] && flags+=("WEAK")
  [[ -n "${seen[$fp]:-}" ]] && flags+=("DUP(line ${seen[$fp]})")
  seen[$fp]=$n
  if [[ "$opts" == *command=* ]]; then
    flags+=("FORCED-CMD")
    [[ "$opts" =~ command=\"(/tmp/|/dev/shm/|[^\"]*/\.) ]] && flags+=("CMD-IN-HIDDEN/TMP")
  fi
  if [[ "$comment" =~ (ci|deploy|backup|build|bot|jenkins|runner) ]]; then
    [[ "$opts" != *from=* ]] && flags+=("NO-FROM")
    [[ "$opts" != *no-agent-forwarding* && "$opts" != *restrict* ]] && flags+=("AGENT/X11/PTY")
  fi
  if [[ -n "$KNOWN" ]] && ! grep -q -- "$fp" "$KNOWN" 2>/dev/null; then flags+=("UNKNOWN"); fi
  if [[ -n "$latest_bak" ]] && ! grep -qF -- "$keypart" "$latest_bak"; then flags+=("NEW"); fi

  printf '%-4s %-10s %-5s %-50s %-28s %s\n' "$n" "${ktype#ssh-}" "$bits" "$fp" "${comment:0:28}" "${flags[*]:-ok}"
  [[ -n "$opts" ]] && printf '     options: %s\n' "$opts"
done < "$FILE"

echo "-- reviewed $FILE (mode $(stat -c %a "$FILE" 2>/dev/null || stat -f %Lp "$FILE")); nothing changed."
