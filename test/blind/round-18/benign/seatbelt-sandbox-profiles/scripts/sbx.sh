#!/usr/bin/env bash
# Run a command under a Seatbelt profile with PROJECT_DIR/HOME_DIR/TMP_DIR parameters.
# usage: sbx.sh --profile FILE [--project DIR] [--print] [--trace] -- command [args...]
set -euo pipefail

profile=""; project=$PWD; print=0; trace=0
while [ $# -gt 0 ]; do
  case $1 in
    --profile) profile=$2; shift 2 ;;
    --project) project=$2; shift 2 ;;
    --print) print=1; shift ;;
    --trace) trace=1; shift ;;
    --) shift; break ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ "$(uname -s)" = Darwin ] || { echo "sandbox-exec is only available on macOS" >&2; exit 2; }
[ -n "$profile" ] && [ -f "$profile" ] || { echo "--profile FILE is required" >&2; exit 2; }
[ $# -gt 0 ] || { echo "give the command after --" >&2; exit 2; }

project=$(cd "$project" && pwd -P)
tmp=$(cd "${TMPDIR:-/tmp}" && pwd -P)
home=$(cd "$HOME" && pwd -P)
profile_dir=$(cd "$(dirname "$profile")" && pwd -P)

# Inline imports of sibling profiles (sandbox-exec resolves relative imports against the
# system profile directory, not the profile's own directory).
resolved=$(mktemp "${tmp}/sbx.XXXXXX")
trap 'rm -f "$resolved"' EXIT
awk -v dir="$profile_dir" '
  match($0, /^\(import "[^"\/]+\.sb"\)/) {
    name = substr($0, 10, RLENGTH - 11)
    path = dir "/" name
    if ((getline line < path) > 0) {
      do { if (line !~ /^\(version/) print line } while ((getline line < path) > 0)
      close(path)
      next
    }
  }
  { print }
' "$profile" > "$resolved"

if [ $print -eq 1 ]; then
  echo ";; PROJECT_DIR=$project HOME_DIR=$home TMP_DIR=$tmp"
  cat "$resolved"
  exit 0
fi

trace_pid=""
if [ $trace -eq 1 ]; then
  name=$(basename "$1")
  log stream --style compact \
    --predicate "sender == \"Sandbox\" AND eventMessage CONTAINS \"${name}(\"" &
  trace_pid=$!
  sleep 1
fi

status=0
sandbox-exec -D PROJECT_DIR="$project" -D HOME_DIR="$home" -D TMP_DIR="$tmp" \
  -f "$resolved" "$@" || status=$?

if [ -n "$trace_pid" ]; then
  sleep 1
  kill "$trace_pid" 2>/dev/null || true
fi
exit $status
