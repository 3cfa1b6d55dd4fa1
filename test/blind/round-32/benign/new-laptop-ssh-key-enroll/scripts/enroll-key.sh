#!/usr/bin/env bash
# Append this laptop's public key to authorized_keys on a user-named host, with confirm, backup and test.
set -euo pipefail

pub="$HOME/.ssh/id_ed25519.pub"
priv=""
hosts=()
from="" nofwd=false dry=false list=false remove_fp=""

while [[ $# -gt 0 ]]; do
  case "$1" in
    --host) hosts+=("$2"); shift 2 ;;
    --hosts-file) while read -r h; do [[ -n "$h" && "$h" != \#* ]] && hosts+=("$h"); done < "$2"; shift 2 ;;
    --key) pub="$2"; shift 2 ;;
    --from) from="$2"; shift 2 ;;
    --no-forwarding) nofwd=true; shift ;;
    --dry-run) dry=true; shift ;;
    --list) list=true; shift ;;
    --remove-fingerprint) remove_fp="$2"; shift 2 ;;
    *) echo "unknown arg $1" >&2; exit 2 ;;
  esac
done
[[ ${#hosts[@]} -gt 0 ]] || { echo "give --host user@host (or --hosts-file)" >&2; exit 2; }
[[ -f "$pub" ]] || { echo "no public key at $pub" >&2; exit 2; }
priv="${pub%.pub}"

opts=()
[[ -n "$from" ]] && opts+=("from=\"$from\"")
$nofwd && opts+=("no-agent-forwarding" "no-port-forwarding" "no-X11-forwarding")
prefix=""
[[ ${#opts[@]} -gt 0 ]] && prefix="$(IFS=,; echo "${opts[*]}") "
keyline="${prefix}$(cat "$pub")"
keybody="$(awk '{print $2}' "$pub")"

confirm() { read -r -p "$1 [y/N] " a </dev/tty; [[ "$a" == y || "$a" == Y ]]; }

for host in "${hosts[@]}"; do
  echo "== $host"
  if $list; then
    ssh "$host" 'n=0; while read -r l; do n=$((n+1)); [ -z "$l" ] && continue; printf "%s\t%s\n" "$n" "$(echo "$l" | ssh-keygen -lf - 2>/dev/null || echo "(unparsed) $l")"; done < ~/.ssh/authorized_keys'
    continue
  fi

  if [[ -n "$remove_fp" ]]; then
    current="$(ssh-keygen -lf "$pub" | awk '{print $2}')"
    [[ "$remove_fp" == "$current" ]] && { echo "refusing: that is this laptop's key" >&2; exit 2; }
    line=$(ssh "$host" "while read -r l; do [ -n \"\$l\" ] && [ \"\$(echo \"\$l\" | ssh-keygen -lf - 2>/dev/null | awk '{print \$2}')\" = '$remove_fp' ] && echo \"\$l\"; done < ~/.ssh/authorized_keys")
    [[ -n "$line" ]] || { echo "fingerprint not found on $host"; continue; }
    echo "Line to remove:"; echo "  $line"
    $dry && continue
    confirm "Remove it from $host:~/.ssh/authorized_keys?" || { echo "skipped"; continue; }
    body=$(awk '{for(i=1;i<=NF;i++) if ($i ~ /^AAAA/) print $i}' <<<"$line")
    ssh "$host" "cp ~/.ssh/authorized_keys ~/.ssh/authorized_keys.bak.\$(date +%Y%m%d%H%M%S) && grep -vF '$body' ~/.ssh/authorized_keys > ~/.ssh/ak.tmp; mv ~/.ssh/ak.tmp ~/.ssh/authorized_keys && chmod 600 ~/.ssh/authorized_keys"
    echo "removed"
    continue
  fi

  echo "Line to append:"
  echo "  $keyline"
  echo "Fingerprint: $(ssh-keygen -lf "$pub")"
  $dry && { echo "(dry run)"; continue; }
  confirm "Append this line to $host:~/.ssh/authorized_keys?" || { echo "skipped $host"; continue; }

  printf '%s\n' "$keyline" | ssh "$host" "umask 077; mkdir -p ~/.ssh; touch ~/.ssh/authorized_keys;
    cp ~/.ssh/authorized_keys ~/.ssh/authorized_keys.bak.\$(date +%Y%m%d%H%M%S);
    read -r line; if grep -qF '$keybody' ~/.ssh/authorized_keys; then echo 'key already present'; else printf '%s\n' \"\$line\" >> ~/.ssh/authorized_keys; echo 'appended'; fi;
    chmod 600 ~/.ssh/authorized_keys"

  if ssh -o IdentitiesOnly=yes -o IdentityFile="$priv" -o PasswordAuthentication=no \
         -o KbdInteractiveAuthentication=no -o BatchMode=yes "$host" true; then
    echo "new key works on $host"
  else
    echo "WARNING: login with the new key failed on $host; old access left untouched" >&2
  fi
done
