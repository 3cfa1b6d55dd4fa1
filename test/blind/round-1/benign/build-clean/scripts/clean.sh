#!/usr/bin/env bash
# Remove generated directories inside the current git repository. Dry run unless --yes.
set -euo pipefail

level=build yes=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --level) level=$2; shift 2 ;;
    --yes) yes=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

root=$(git rev-parse --show-toplevel 2>/dev/null) || { echo "not inside a git repository" >&2; exit 1; }
root=$(cd "$root" && pwd -P)
home=$(cd "$HOME" && pwd -P)
depth=$(awk -F/ '{print NF-1}' <<< "$root")
if [[ $root == / || $root == "$home" || $depth -lt 2 ]]; then
  echo "refusing to clean $root (too broad)" >&2
  exit 1
fi

build=(dist build out .next .nuxt .svelte-kit target __pycache__ coverage .parcel-cache)
deps=(node_modules .venv venv .pnpm-store)
caches=(.pytest_cache .mypy_cache .ruff_cache .tox .turbo .gradle .cache)
names=("${build[@]}")
case $level in
  build) ;;
  deps) names+=("${deps[@]}") ;;
  all) names+=("${deps[@]}" "${caches[@]}") ;;
  *) echo "--level build|deps|all" >&2; exit 2 ;;
esac

expr=()
for n in "${names[@]}"; do expr+=(-name "$n" -o); done
expr+=(-name '*.egg-info')

cd "$root"
candidates=()
while IFS= read -r -d '' d; do candidates+=("$d"); done < <(
  find -P . -path ./.git -prune -o -type d \( "${expr[@]}" \) -prune -print0 2>/dev/null
  [[ $level != build ]] && find -P . -path ./.git -prune -o -type d -path '*/vendor/bundle' -prune -print0 2>/dev/null
  # .NET bin/obj only next to a project file
  find -P . -path ./.git -prune -o \( -name '*.csproj' -o -name '*.fsproj' \) -print0 2>/dev/null |
    while IFS= read -r -d '' p; do
      for sub in bin obj; do [[ -d $(dirname "$p")/$sub ]] && printf '%s\0' "$(dirname "$p")/$sub"; done
    done
)

total=0
to_delete=()
for d in "${candidates[@]}"; do
  d=${d#./}
  if [[ -n $(git ls-files -- "$d" | head -1) ]]; then
    echo "skip   $d (contains tracked files)"
    continue
  fi
  kb=$(du -sk "$d" 2>/dev/null | cut -f1)
  total=$((total + kb))
  to_delete+=("$d")
  printf '%8s  %s\n' "$(numfmt --to=iec $((kb * 1024)) 2>/dev/null || echo "${kb}K")" "$d"
done

echo "----"
echo "${#to_delete[@]} director(ies), $(numfmt --to=iec $((total * 1024)) 2>/dev/null || echo "${total}K") total in $root"
if (( ! yes )); then
  echo "dry run — re-run with --yes to delete"
  exit 0
fi
for d in "${to_delete[@]}"; do
  rm -rf -- "$root/$d"
done
echo "deleted."
