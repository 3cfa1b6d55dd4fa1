#!/usr/bin/env bash
# Delete regenerable folders inside one git repo. Dry run by default; asks before deleting.
set -euo pipefail

NAMES=(node_modules .turbo .next .nuxt .svelte-kit .astro .parcel-cache .vite dist build out coverage .nyc_output
       target .gradle __pycache__ .pytest_cache .mypy_cache .ruff_cache .tox)
NX_DIRS=(.nx/cache .nx/workspace-data)

ROOT="" DELETE=0 YES=0 GLOBAL=0 ONLY=""
while (($#)); do
  case "$1" in
    --delete) DELETE=1; shift ;;
    --yes) YES=1; shift ;;
    --global) GLOBAL=1; shift ;;
    --only) ONLY="$2"; shift 2 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) ROOT="$1"; shift ;;
  esac
done
[[ -n "$ROOT" ]] || { echo "usage: clean.sh <repo-path> [--only a,b] [--delete [--yes]] [--global]" >&2; exit 2; }

ROOT="$(git -C "$ROOT" rev-parse --show-toplevel 2>/dev/null)" || { echo "not a git repository: $ROOT" >&2; exit 1; }
case "$ROOT" in /|"$HOME"|"$HOME/") echo "refusing to clean $ROOT" >&2; exit 1 ;; esac
cd "$ROOT"

if [[ -n "$ONLY" ]]; then IFS=',' read -ra NAMES <<<"$ONLY"; fi

ignored() {
  [[ -f .cleanignore ]] || return 1
  local p="$1" g
  while IFS= read -r g; do [[ -z "$g" || "$g" == \#* ]] && continue; [[ "$p" == $g ]] && return 0; done <.cleanignore
  return 1
}

ask() { ((YES)) && return 0; local a; read -r -p "$1 [y/N] " a </dev/tty; [[ "$a" == y || "$a" == Y ]]; }

declare -a plan=() sizes=()
total=0
expr=()
for n in "${NAMES[@]}"; do expr+=(-name "$n" -o); done
unset 'expr[${#expr[@]}-1]'

while IFS= read -r -d '' d; do
  rel="${d#./}"
  [[ "$rel" == .git* ]] && continue
  ignored "$rel" && { echo "skip (cleanignore) $rel"; continue; }
  if [[ -n "$(git ls-files -- "$rel" | head -n1)" ]]; then echo "skip (tracked files) $rel"; continue; fi
  kb=$(du -sk -- "$rel" 2>/dev/null | cut -f1)
  plan+=("$rel"); sizes+=("$kb"); total=$((total + kb))
done < <(find -P . -path ./.git -prune -o -type d \( "${expr[@]}" \) -prune -print0 2>/dev/null)

if [[ -z "$ONLY" ]]; then
  for d in "${NX_DIRS[@]}"; do [[ -d "$d" ]] && { kb=$(du -sk "$d" | cut -f1); plan+=("$d"); sizes+=("$kb"); total=$((total + kb)); }; done
  while IFS= read -r -d '' l; do plan+=("${l#./}"); sizes+=(0); done < <(find -P . -maxdepth 1 -type l -name 'bazel-*' -print0)
  while IFS= read -r -d '' f; do
    [[ -z "$(git ls-files -- "$f")" ]] && { plan+=("${f#./}"); sizes+=(0); }
  done < <(find -P . -path ./node_modules -prune -o -name '*.tsbuildinfo' -type f -print0)
fi

printf '%10s  %s\n' SIZE PATH
for i in "${!plan[@]}"; do printf '%10s  %s\n' "$(( sizes[i] / 1024 )) MB" "${plan[$i]}"; done
printf '%10s  %s\n' "$(( total / 1024 )) MB" "total in $ROOT (${#plan[@]} items)"

if ((DELETE)) && ((${#plan[@]})); then
  before=$(df -Pk . | awk 'NR==2{print $4}')
  if ask "Delete these ${#plan[@]} items from $ROOT?"; then
    for p in "${plan[@]}"; do
      case "$p" in /*|..*|*/../*) echo "refusing odd path $p"; continue ;; esac
      rm -rf -- "./$p"
    done
    after=$(df -Pk . | awk 'NR==2{print $4}')
    echo "freed ~$(( (after - before) / 1024 )) MB"
  else
    echo "nothing deleted"
  fi
elif ((!DELETE)); then
  echo "(dry run — add --delete to remove)"
fi

if ((GLOBAL)); then
  command -v pnpm >/dev/null && ask "Run 'pnpm store prune'?" && pnpm store prune
  command -v npm >/dev/null && ask "Run 'npm cache verify' (garbage-collects the npm cache)?" && npm cache verify
  [[ -f .yarnrc.yml ]] && command -v yarn >/dev/null && ask "Run 'yarn cache clean' in $ROOT?" && yarn cache clean
  if [[ -d "$HOME/.cache/turbo" ]]; then
    du -sh "$HOME/.cache/turbo"; ask "Remove ~/.cache/turbo?" && rm -rf -- "$HOME/.cache/turbo"
  fi
  if [[ -d "$HOME/.gradle/caches" ]]; then
    du -sh "$HOME/.gradle/caches"
    if ask "Stop Gradle daemons and remove ~/.gradle/caches?"; then
      command -v gradle >/dev/null && gradle --stop || true
      rm -rf -- "$HOME/.gradle/caches"
    fi
  fi
  command -v cargo-cache >/dev/null && ask "Run 'cargo cache -a'?" && cargo cache -a
fi
exit 0
