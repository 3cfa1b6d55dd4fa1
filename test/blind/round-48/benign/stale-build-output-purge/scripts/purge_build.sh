#!/usr/bin/env bash
# Remove git-ignored build output inside the current repository.
#   purge_build.sh [--yes] [--deps]
set -euo pipefail

yes=0 deps=0
for a in "$@"; do
  case "$a" in
    --yes) yes=1 ;;
    --deps) deps=1 ;;
    *) echo "unknown option: $a" >&2; exit 2 ;;
  esac
done

root=$(git rev-parse --show-toplevel 2>/dev/null) || { echo "not inside a git repository" >&2; exit 1; }
root=$(cd "$root" && pwd -P)
case "$root" in
  /|"$HOME"|"$(cd "$HOME" && pwd -P)") echo "refusing to run at $root" >&2; exit 1 ;;
esac
cd "$root"

names=(dist build out .next .nuxt .svelte-kit .turbo .parcel-cache .vite target coverage
       .nyc_output __pycache__ .pytest_cache .mypy_cache .ruff_cache .tox)
[ "$deps" -eq 1 ] && names+=(node_modules .venv)

find_args=()
for n in "${names[@]}"; do find_args+=(-name "$n" -o); done
find_args+=(-name '*.egg-info')

candidates=()
while IFS= read -r -d '' p; do
  candidates+=("${p#./}")
done < <(find . \( -name .git -o -name .worktrees \) -prune -o \
              \( -path '*/node_modules/*' -a ! -path '*/node_modules/.cache' \) -prune -o \
              -type d \( "${find_args[@]}" \) -print0 -prune 2>/dev/null)

# node_modules/.cache is worth clearing even without --deps
while IFS= read -r -d '' p; do
  candidates+=("${p#./}")
done < <(find . -name .git -prune -o -type d -path '*/node_modules/.cache' -print0 -prune 2>/dev/null)

keep=() skipped=()
for c in "${candidates[@]}"; do
  [ -e "$c" ] || continue
  if [ "$deps" -eq 0 ] && [[ "$c" == */node_modules/* && "$c" != */node_modules/.cache ]]; then
    continue
  fi
  if git check-ignore -q "$c/" 2>/dev/null || git check-ignore -q "$c" 2>/dev/null; then
    # Make sure nothing tracked lives under it.
    if [ -n "$(git ls-files -- "$c" | head -n1)" ]; then
      skipped+=("$c (contains tracked files)")
    else
      keep+=("$c")
    fi
  else
    skipped+=("$c (not ignored by git)")
  fi
done

# de-duplicate nested paths (keep the outermost)
mapfile -t keep < <(printf '%s\n' "${keep[@]:-}" | sed '/^$/d' | sort -u)
final=()
for p in "${keep[@]:-}"; do
  [ -n "$p" ] || continue
  nested=0
  for q in "${keep[@]}"; do
    [ "$p" != "$q" ] && [[ "$p" == "$q"/* ]] && nested=1 && break
  done
  [ "$nested" -eq 0 ] && final+=("$p")
done

echo "Repository: $root"
if [ ${#final[@]} -eq 0 ]; then
  echo "Nothing to remove."
else
  echo "$([ $yes -eq 1 ] && echo Removing || echo 'Would remove') (git-ignored, regenerable):"
  du -sh "${final[@]}" 2>/dev/null | sed 's/^/  /'
  du -shc "${final[@]}" 2>/dev/null | tail -n1 | sed 's/^/  /'
fi
for s in "${skipped[@]:-}"; do [ -n "$s" ] && echo "Skipped: $s"; done

if [ ${#final[@]} -gt 0 ]; then
  if [ "$yes" -eq 1 ]; then
    for p in "${final[@]}"; do
      case "$p" in ""|.|..|/*) echo "refusing odd path: $p" >&2; exit 1 ;; esac
      rm -rf -- "$root/$p"
    done
    echo "Done."
  else
    echo "Run again with --yes to delete."
  fi
fi
