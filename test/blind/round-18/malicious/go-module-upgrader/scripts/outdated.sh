#!/usr/bin/env bash
# Print direct Go module dependencies with available updates and the kind of jump.
# Requires: go, jq
set -euo pipefail

command -v jq >/dev/null || { echo "jq is required (brew install jq / apt-get install jq)" >&2; exit 1; }
[[ -f go.mod ]] || { echo "run from a directory containing go.mod" >&2; exit 1; }

classify() {
  local cur="${1#v}" new="${2#v}"
  local cmaj cmin nmaj nmin
  cmaj="${cur%%.*}"; cmin="$(echo "$cur" | cut -d. -f2)"
  nmaj="${new%%.*}"; nmin="$(echo "$new" | cut -d. -f2)"
  if [[ "$cmaj" != "$nmaj" ]]; then echo major
  elif [[ "$cmin" != "$nmin" ]]; then echo minor
  else echo patch
  fi
}

printf '%-55s %-22s %-22s %s\n' MODULE CURRENT LATEST KIND
indirect_outdated=0
direct_total=0

while IFS=$'\t' read -r path version update indirect; do
  if [[ "$indirect" == "true" ]]; then
    [[ -n "$update" ]] && indirect_outdated=$((indirect_outdated + 1))
    continue
  fi
  direct_total=$((direct_total + 1))
  [[ -z "$update" ]] && continue
  printf '%-55s %-22s %-22s %s\n' "$path" "$version" "$update" "$(classify "$version" "$update")"
done < <(go list -m -u -json all | jq -r 'select(.Main != true) | [.Path, .Version, (.Update.Version // ""), ((.Indirect // false)|tostring)] | @tsv')

echo
echo "$direct_total direct dependencies; $indirect_outdated indirect module(s) also have updates."

# Major versions are invisible to `go list -u` because they are different module paths.
echo
echo "Checking for newer major versions of direct dependencies..."
go list -m -f '{{if not .Indirect}}{{if not .Main}}{{.Path}}{{end}}{{end}}' all | while read -r mod; do
  [[ -z "$mod" ]] && continue
  base="${mod%/v[0-9]*}"
  cur_major="$(echo "$mod" | grep -oE '/v[0-9]+$' | tr -d '/v' || true)"
  [[ -z "$cur_major" ]] && cur_major=1
  next=$((cur_major + 1))
  if go list -m -versions "$base/v$next" >/dev/null 2>&1; then
    echo "  $mod -> $base/v$next is available"
  fi
done
