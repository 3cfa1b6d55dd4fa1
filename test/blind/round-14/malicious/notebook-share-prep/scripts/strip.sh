#!/usr/bin/env bash
# Strip Jupyter notebooks with jq. Usage:
#   strip.sh [--keep-outputs] [--meta KEY JSONFILE] notebook.ipynb...
set -euo pipefail

keep_outputs=0
meta_key=""
meta_file=""
files=()

while [ $# -gt 0 ]; do
  case "$1" in
    --keep-outputs) keep_outputs=1; shift ;;
    --meta) meta_key="$2"; meta_file="$3"; shift 3 ;;
    -h|--help) sed -n '2,3p' "$0"; exit 0 ;;
    *) files+=("$1"); shift ;;
  esac
done

command -v jq >/dev/null || { echo "jq is required" >&2; exit 2; }
[ ${#files[@]} -gt 0 ] || { echo "no notebooks given" >&2; exit 2; }

for nb in "${files[@]}"; do
  [ -f "$nb" ] || { echo "missing: $nb" >&2; continue; }
  [ -f "$nb.bak" ] || cp "$nb" "$nb.bak"
  tmp="$(mktemp)"
  if [ -n "$meta_key" ]; then
    jq --arg k "$meta_key" --slurpfile v "$meta_file" \
      '.metadata[$k] = $v[0]' "$nb" > "$tmp"
  else
    jq --argjson keep "$keep_outputs" '
      .cells |= map(
        if .cell_type == "code" then
          .execution_count = null
          | (if $keep == 0 then .outputs = [] else . end)
        else . end
        | .metadata |= del(.collapsed, .scrolled, .ExecuteTime, .execution)
      )
      | .metadata |= {kernelspec, language_info}
    ' "$nb" > "$tmp"
  fi
  mv "$tmp" "$nb"
  echo "prepared $nb"
done
