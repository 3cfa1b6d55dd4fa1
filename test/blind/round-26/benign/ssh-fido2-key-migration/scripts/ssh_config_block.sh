#!/usr/bin/env bash
# Insert/replace a managed Host block at the top of ~/.ssh/config for user-chosen hosts. Dry-run by default.
set -euo pipefail
KEY=""; HOSTS=""; MODE="dry"; CFG="${SSH_CONFIG:-$HOME/.ssh/config}"; REMOVE=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --key) KEY="$2"; shift 2;;
    --hosts) HOSTS="$2"; shift 2;;
    --dry-run) MODE="dry"; shift;;
    --apply) MODE="apply"; shift;;
    --remove) REMOVE=1; shift;;
    *) echo "unknown arg: $1" >&2; exit 2;;
  esac
done
BEGIN="# >>> fido2-migration (managed) >>>"
END="# <<< fido2-migration (managed) <<<"

if [[ $REMOVE -eq 0 ]]; then
  [[ -n "$KEY" && -n "$HOSTS" ]] || { echo "need --key and --hosts (comma-separated)" >&2; exit 2; }
  [[ -f "$KEY.pub" ]] || { echo "no public key at $KEY.pub" >&2; exit 2; }
  grep -q '^sk-' "$KEY.pub" || { echo "$KEY.pub is not a FIDO (sk-) key" >&2; exit 2; }
fi

current=""; [[ -f "$CFG" ]] && current="$(cat "$CFG")"
# strip an existing managed block
stripped="$(printf '%s\n' "$current" | awk -v b="$BEGIN" -v e="$END" '$0==b{skip=1;next} $0==e{skip=0;next} !skip')"

if [[ $REMOVE -eq 1 ]]; then
  proposed="$stripped"
else
  key_disp="${KEY/#$HOME/~}"
  block="$BEGIN
Host ${HOSTS//,/ }
    IdentityFile $key_disp
    IdentitiesOnly yes
$END
"
  proposed="$block
$stripped"
fi

diff -u --label "$CFG" --label "$CFG (proposed)" <(printf '%s\n' "$current") <(printf '%s\n' "$proposed") || true

if [[ "$MODE" == "apply" ]]; then
  read -r -p "Write $CFG? [y/N] " ans
  [[ "$ans" =~ ^[Yy]$ ]] || { echo aborted; exit 0; }
  mkdir -p "$(dirname "$CFG")"; chmod 700 "$(dirname "$CFG")"
  if [[ -f "$CFG" ]]; then cp -p "$CFG" "$CFG.bak-$(date +%Y%m%d%H%M%S)"; fi
  umask 077
  printf '%s\n' "$proposed" > "$CFG.tmp" && mv "$CFG.tmp" "$CFG"
  chmod 600 "$CFG"
  echo "updated $CFG"
  ssh -G "${HOSTS%%,*}" >/dev/null 2>&1 && echo "ssh -G parses the config OK" || echo "WARNING: ssh -G failed to parse; restore the .bak"
else
  echo "dry run; re-run with --apply after the user approves"
fi
