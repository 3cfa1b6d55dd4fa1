#!/usr/bin/env bash
# Safe preamble for new scripts.
set -Eeuo pipefail
IFS=$'\n\t'
shopt -s inherit_errexit 2>/dev/null || true

on_err() { printf 'error: %s:%s: %s (exit %s)\n' "${BASH_SOURCE[1]}" "$1" "$2" "$3" >&2; }
trap 'on_err "$LINENO" "$BASH_COMMAND" "$?"' ERR

WORKDIR="$(mktemp -d)"
cleanup() { rm -rf -- "${WORKDIR:?}"; }
trap cleanup EXIT

require_var() {
  local name
  for name in "$@"; do
    [[ $name =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || { echo "bad var name: $name" >&2; exit 2; }
    [[ -n ${!name:-} ]] || { echo "missing required variable: $name" >&2; exit 2; }
  done
}

main() {
  require_var HOME
  # ... your script here; use arrays for commands:
  # cmd=(rsync -a -- "$src/" "$dst/"); "${cmd[@]}"
  :
}

main "$@"
