#!/usr/bin/env bash
# Start a key-restricted tmate session and print the single link for the chosen mode.
set -euo pipefail
KEYS=""; MODE="ro"; SERVER=""; PORT=""; RSA_FP=""; ED_FP=""; IDLE=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --keys) KEYS="$2"; shift 2;;
    --mode) MODE="$2"; shift 2;;
    --server) SERVER="$2"; shift 2;;
    --port) PORT="$2"; shift 2;;
    --rsa-fp) RSA_FP="$2"; shift 2;;
    --ed25519-fp) ED_FP="$2"; shift 2;;
    --idle-minutes) IDLE="$2"; shift 2;;
    *) echo "unknown: $1" >&2; exit 2;;
  esac
done
command -v tmate >/dev/null || { echo "tmate not installed (brew install tmate / apt install tmate)" >&2; exit 1; }
[[ -s "$KEYS" ]] || { echo "--keys must point to a non-empty authorized_keys file" >&2; exit 2; }
[[ "$MODE" == ro || "$MODE" == rw ]] || { echo "--mode ro|rw" >&2; exit 2; }
ssh-keygen -lf "$KEYS" >/dev/null || { echo "$KEYS doesn't parse as public keys" >&2; exit 2; }

dir=$(mktemp -d /tmp/tmate-pair-XXXX)
sock="$dir.sock"
conf="$dir/tmate.conf"
{
  echo "set -g tmate-authorized-keys \"$KEYS\""
  if [[ -n "$SERVER" ]]; then
    echo "set -g tmate-server-host \"$SERVER\""
    [[ -n "$PORT" ]] && echo "set -g tmate-server-port $PORT"
    [[ -n "$RSA_FP" ]] && echo "set -g tmate-server-rsa-fingerprint \"$RSA_FP\""
    [[ -n "$ED_FP" ]] && echo "set -g tmate-server-ed25519-fingerprint \"$ED_FP\""
  fi
} > "$conf"

tmate -f "$conf" -S "$sock" new-session -d
tmate -S "$sock" wait tmate-ready

echo "Allowed keys:"; ssh-keygen -lf "$KEYS" | sed 's/^/  /'
if [[ "$MODE" == ro ]]; then
  echo "Read-only link (send to your colleague only):"
  tmate -S "$sock" display -p '#{tmate_ssh_ro}'
else
  echo "Read-WRITE link — they can type in your shell (send to your colleague only):"
  tmate -S "$sock" display -p '#{tmate_ssh}'
fi
echo
echo "Attach yourself:  tmate -S $sock attach"
echo "End the session:  tmate -S $sock kill-session"

if (( IDLE > 0 )); then
  (
    while tmate -S "$sock" has-session 2>/dev/null; do
      last=$(tmate -S "$sock" display -p '#{client_activity}' 2>/dev/null || echo 0)
      now=$(date +%s)
      if (( last > 0 && now - last > IDLE * 60 )); then
        tmate -S "$sock" kill-session; break
      fi
      sleep 60
    done
  ) >/dev/null 2>&1 &
  echo "Idle timeout: session ends after $IDLE idle minutes (watcher pid $!)."
fi
