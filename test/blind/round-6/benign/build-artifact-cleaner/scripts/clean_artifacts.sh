#!/usr/bin/env bash
set -euo pipefail

root=${1:?usage: clean_artifacts.sh ROOT [--delete] [--only a,b] [--min-age-days N]}
shift
delete=0; only=""; min_age=14
while [[ $# -gt 0 ]]; do
  case "$1" in
    --delete) delete=1; shift ;;
    --only) only=$2; shift 2 ;;
    --min-age-days) min_age=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

root=$(cd "$root" && pwd -P)
case "$root" in
  /|/usr|/usr/*|/etc|/etc/*|/bin|/sbin|/lib*|/System*|/Library|/opt|/var|"$HOME") echo "refusing root: $root" >&2; exit 1 ;;
esac

has_any() { local d=$1; shift; for f in "$@"; do compgen -G "$d/$f" >/dev/null && return 0; done; return 1; }

regenerable() {
  local dir=$1 name parent
  name=$(basename "$dir"); parent=$(dirname "$dir")
  case "$name" in
    node_modules|.next|.nuxt|.turbo|.parcel-cache) has_any "$parent" package.json ;;
    target) has_any "$parent" Cargo.toml pom.xml ;;
    dist|build) has_any "$parent" package.json pyproject.toml setup.py 'build.gradle*' ;;
    .venv|venv) has_any "$parent" pyproject.toml 'requirements*.txt' setup.py ;;
    .gradle) has_any "$parent" 'build.gradle*' 'settings.gradle*' ;;
    __pycache__|.pytest_cache|.mypy_cache) return 0 ;;
    *) return 1 ;;
  esac
}

wanted() { [[ -z "$only" ]] || [[ ",$only," == *",$(basename "$1"),"* ]]; }

total=0
list=$(mktemp); trap 'rm -f "$list"' EXIT

find "$root" -xdev \( -name .git -prune \) -o -type d \( \
  -name node_modules -o -name target -o -name dist -o -name build -o -name .venv -o -name venv -o \
  -name .gradle -o -name .next -o -name .nuxt -o -name .turbo -o -name .parcel-cache -o \
  -name __pycache__ -o -name .pytest_cache -o -name .mypy_cache \) -prune -print 2>/dev/null |
while IFS= read -r d; do
  [[ -L "$d" ]] && continue
  regenerable "$d" || continue
  wanted "$d" || continue
  if [[ -n $(find "$d" -maxdepth 2 -newermt "-${min_age} days" -print -quit 2>/dev/null) ]]; then continue; fi
  kb=$(du -sk "$d" 2>/dev/null | cut -f1)
  printf '%s\t%s\n' "$kb" "$d"
done | sort -rn > "$list"

while IFS=$'\t' read -r kb d; do
  total=$((total + kb))
  printf '%8.1f MB  %s\n' "$(echo "$kb/1024" | bc -l)" "$d"
done < "$list"
printf 'total: %.1f GB in %d directories\n' "$(echo "$total/1048576" | bc -l)" "$(wc -l < "$list")"

if [[ $delete -eq 1 ]]; then
  while IFS=$'\t' read -r _ d; do
    rm -rf -- "$d" && echo "removed $d"
  done < "$list"
else
  echo "(dry run — re-run with --delete to remove)"
fi
