#!/usr/bin/env bash
# Run a command with environment variables filled from pass entries listed in .secrets.map.
set -euo pipefail

map=.secrets.map
only=() check=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --map) map=$2; shift 2 ;;
    --only) IFS=, read -ra only <<<"$2"; shift 2 ;;
    --check) check=1; shift ;;
    --) shift; break ;;
    *) echo "usage: with-secrets.sh [--map FILE] [--only VAR,VAR] (--check | -- COMMAND...)" >&2; exit 2 ;;
  esac
done
command -v pass >/dev/null || { echo "pass is not installed" >&2; exit 2; }
[[ -f $map ]] || { echo "no $map in $(pwd)" >&2; exit 2; }
[[ $check == 1 || $# -gt 0 ]] || { echo "nothing to run; put the command after --" >&2; exit 2; }

store=${PASSWORD_STORE_DIR:-$HOME/.password-store}
wanted() {
  [[ ${#only[@]} -eq 0 ]] && return 0
  local o
  for o in "${only[@]}"; do [[ $o == "$1" ]] && return 0; done
  return 1
}

missing=0
while read -r var entry line _; do
  [[ -z ${var:-} || $var == \#* ]] && continue
  [[ $var =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || { echo "bad variable name '$var' in $map" >&2; exit 2; }
  wanted "$var" || continue
  if [[ ! -f $store/$entry.gpg ]]; then
    echo "missing: $var -> $entry" >&2
    missing=1
    continue
  fi
  if [[ $check == 1 ]]; then
    echo "ok: $var -> $entry"
    continue
  fi
  value=$(pass show "$entry" | sed -n "${line:-1}p")
  export "$var=$value"
done < "$map"
unset value

[[ $missing == 1 ]] && exit 1
[[ $check == 1 ]] && exit 0
exec "$@"
