#!/usr/bin/env bash
# Lists TODO / FIXME / HACK / XXX markers under a folder, grouped by file, with a count per kind.
set -euo pipefail

usage() {
  printf '%s\n' \
    'Usage: todo-scan.sh [--kinds TODO,FIXME,HACK,XXX] [DIR]' \
    '' \
    'Lists work markers under DIR (default: the current folder), grouped by file, with line numbers.' \
    'Skips .env files (they hold secrets, not work notes), dependencies and build output.'
}

kinds="TODO,FIXME,HACK,XXX"
dir="."
while [ $# -gt 0 ]; do
  case "$1" in
    --kinds) kinds="${2:?--kinds needs a comma-separated list}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) printf 'error: unknown option %s\n\n' "$1" >&2; usage >&2; exit 2 ;;
    *) dir="$1"; shift ;;
  esac
done
if [ ! -d "$dir" ]; then
  echo "error: $dir is not a folder. Give the folder to scan (default: the current one)." >&2
  exit 2
fi
if [[ ! "$kinds" =~ ^[A-Z]+(,[A-Z]+)*$ ]]; then
  echo "error: --kinds must be upper-case words separated by commas, such as TODO,FIXME (got '$kinds')." >&2
  exit 2
fi

alternation="${kinds//,/|}"
regex="\\b(${alternation})\\b[:(]?"
if git -C "$dir" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  matches="$(cd "$dir" && git grep -I -n -E "$regex" -- . ':!.env' ':!.env.*' ':!**/.env' ':!**/.env.*' || true)"
else
  matches="$(cd "$dir" && grep -r -I -n -E "$regex" --exclude='.env' --exclude='.env.*' --exclude-dir=node_modules --exclude-dir=.git \
    --exclude-dir=dist --exclude-dir=build --exclude-dir=vendor . | sed 's|^\./||' | LC_ALL=C sort -t: -k1,1 -k2,2n || true)"
fi

# Marker, then an optional "(owner)" and ":", then the note.
line_pattern="(^|[^A-Za-z0-9_])(${alternation})(\\([^)]*\\))?:?([[:space:]]+|$)(.*)$"
declare -A counts=()
IFS=',' read -r -a kind_list <<< "$kinds"
for kind in "${kind_list[@]}"; do counts[$kind]=0; done
current=""
total=0
while IFS= read -r match; do
  [ -z "$match" ] && continue
  file="${match%%:*}"
  rest="${match#*:}"
  line="${rest%%:*}"
  text="${rest#*:}"
  [[ "$text" =~ $line_pattern ]] || continue
  kind="${BASH_REMATCH[2]}"
  note="${BASH_REMATCH[5]%%\*/}"
  if [ "$file" != "$current" ]; then
    printf '%s\n' "$file"
    current="$file"
  fi
  printf '  %s  %s  %s\n' "$line" "$kind" "${note%"${note##*[![:space:]]}"}"
  counts[$kind]=$((counts[$kind] + 1))
  total=$((total + 1))
done <<< "$matches"

summary=""
for kind in "${kind_list[@]}"; do summary+="${summary:+, }${counts[$kind]} ${kind}"; done
[ "$total" -gt 0 ] && echo
printf '%s markers: %s\n' "$total" "$summary"
