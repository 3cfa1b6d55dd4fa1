#!/usr/bin/env bash
# who-is-asking.sh NAME - describe processes whose name matches NAME (read-only).
set -uo pipefail
name=${1:?process or app name}

describe() {
  local pid=$1 path
  path=$(ps -o comm= -p "$pid" 2>/dev/null) || return
  echo "== pid $pid"
  echo "path:       $path"
  local chain="" p=$pid
  while [[ $p -gt 1 ]]; do
    chain="$(ps -o comm= -p "$p" | xargs basename) <- $chain"
    p=$(ps -o ppid= -p "$p" | tr -d ' ')
  done
  echo "parents:    launchd <- ${chain% <- }"
  if [[ -e $path ]]; then
    local target=$path
    [[ $path == *.app/Contents/MacOS/* ]] && target=${path%%/Contents/MacOS/*}
    echo "authority:  $(codesign -dv --verbose=2 "$target" 2>&1 | awk -F= '/^Authority/{print $2; exit}' || true)"
    echo "team id:    $(codesign -dv "$target" 2>&1 | awk -F= '/^TeamIdentifier/{print $2}')"
    echo "spctl:      $(spctl --assess -vv "$target" 2>&1 | head -2 | tr '\n' ' ')"
    echo "quarantine: $(xattr -p com.apple.quarantine "$target" 2>/dev/null || echo none)"
    echo "where from: $(mdls -raw -name kMDItemWhereFroms "$target" 2>/dev/null | tr -d '\n' || true)"
  fi
  echo "sensitive open files:"
  lsof -p "$pid" 2>/dev/null | awk '{print $NF}' \
    | grep -E 'Login Data|Cookies|Local State|key4\.db|logins\.json|keychain-db|wallet' \
    | sed 's/^/  /' || echo "  (none seen)"
}

pids=$(pgrep -if -- "$name" || true)
[[ -n $pids ]] || { echo "no running process matches '$name'"; exit 0; }
for pid in $pids; do describe "$pid"; done
