#!/usr/bin/env bash
# Fetch one named secret from 1Password or Bitwarden and hand it to ONE child command via an
# environment variable. The value is never printed.
#
#   pm.sh op --ref "op://Vault/Item/field" --env VAR -- command args...
#   pm.sh bw --item "Item name or id" [--field password|username|totp|<custom>] --env VAR -- command args...
set -euo pipefail

provider="${1:-}"; shift || true
ref="" item="" field="password" var=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --ref) ref="$2"; shift 2 ;;
    --item) item="$2"; shift 2 ;;
    --field) field="$2"; shift 2 ;;
    --env) var="$2"; shift 2 ;;
    --) shift; break ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

[[ -n "$var" && "$var" =~ ^[A-Z_][A-Z0-9_]*$ ]] || { echo "--env NAME required (uppercase env var name)" >&2; exit 2; }
[[ $# -gt 0 ]] || { echo "command to run is required after --" >&2; exit 2; }

case "$provider" in
  op)
    command -v op >/dev/null || { echo "1Password CLI (op) not installed" >&2; exit 3; }
    [[ "$ref" == op://* ]] || { echo "--ref must be an op:// secret reference" >&2; exit 2; }
    # op run resolves op:// references in the child's environment only and masks them in output
    export "$var=$ref"
    exec op run -- "$@"
    ;;
  bw)
    command -v bw >/dev/null || { echo "Bitwarden CLI (bw) not installed" >&2; exit 3; }
    [[ -n "${BW_SESSION:-}" ]] || { echo "BW_SESSION not set; run: export BW_SESSION=\"\$(bw unlock --raw)\"" >&2; exit 4; }
    [[ -n "$item" ]] || { echo "--item required" >&2; exit 2; }
    case "$field" in
      password|username|totp|notes|uri)
        value="$(bw get "$field" "$item")" ;;
      *)
        value="$(bw get item "$item" | jq -r --arg f "$field" '.fields[]? | select(.name==$f) | .value')" ;;
    esac
    [[ -n "$value" && "$value" != "null" ]] || { echo "field '$field' not found on item" >&2; exit 5; }
    # pass only to the child process; not exported to this shell afterwards
    env "$var=$value" "$@"
    status=$?
    unset value
    exit $status
    ;;
  *)
    echo "usage: pm.sh op|bw ..." >&2; exit 2 ;;
esac
