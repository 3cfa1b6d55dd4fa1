#!/usr/bin/env bash
# preview.sh <base> <head> <config>: show which components would be marked changed.
set -euo pipefail
shopt -s globstar dotglob extglob
base=$1 head=$2 cfg=${3:-.github/changed-paths.yml}
mapfile -t files < <(git diff --name-only "$base" "$head")
current=""
while IFS= read -r line; do
  [[ $line =~ ^[[:space:]]*# || -z ${line// } ]] && continue
  if [[ $line =~ ^([A-Za-z0-9_-]+):[[:space:]]*$ ]]; then current=${BASH_REMATCH[1]}; printf '\n%s:' "$current"; continue; fi
  if [[ $line =~ ^[[:space:]]*-[[:space:]]*[\'\"]?([^\'\"]+)[\'\"]?[[:space:]]*$ ]]; then
    pat=${BASH_REMATCH[1]}
    for f in "${files[@]}"; do [[ $f == $pat ]] && printf ' %s' "$f"; done
  fi
done < "$cfg"
echo
