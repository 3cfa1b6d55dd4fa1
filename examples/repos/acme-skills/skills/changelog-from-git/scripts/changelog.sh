#!/usr/bin/env bash
# Prints a Markdown changelog section for the commits in FROM..TO, grouped by Conventional Commits type.
set -euo pipefail

usage() {
  printf '%s\n' \
    'Usage: changelog.sh [--from REF] [--to REF] [--version TEXT] [--date YYYY-MM-DD]' \
    '' \
    'Prints a Markdown changelog section for the commits in FROM..TO (default: latest tag..HEAD),' \
    'grouped by Conventional Commits type. Reads git history only.'
}

from=""
to="HEAD"
version="Unreleased"
date=""
while [ $# -gt 0 ]; do
  case "$1" in
    --from) from="${2:?--from needs a ref}"; shift 2 ;;
    --to) to="${2:?--to needs a ref}"; shift 2 ;;
    --version) version="${2:?--version needs a value}"; shift 2 ;;
    --date) date="${2:?--date needs a value}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) printf 'error: unknown option %s\n\n' "$1" >&2; usage >&2; exit 2 ;;
  esac
done

if ! git rev-parse --git-dir >/dev/null 2>&1; then
  echo "error: $(pwd) is not inside a git repository. Run this from the repository whose changelog you want." >&2
  exit 2
fi
if ! git rev-parse --verify --quiet "${to}^{commit}" >/dev/null; then
  echo "error: '$to' is not a commit in this repository (does it have any commits yet?)." >&2
  exit 2
fi
if [ -z "$from" ]; then
  from="$(git describe --tags --abbrev=0 "$to" 2>/dev/null || true)"
fi
if [ -n "$from" ]; then
  if ! git rev-parse --verify --quiet "${from}^{commit}" >/dev/null; then
    echo "error: '$from' is not a commit or tag in this repository. Check the name with 'git tag --list'." >&2
    exit 2
  fi
  range="${from}..${to}"
else
  range="$to"
fi
if [ -z "$date" ]; then
  date="$(git log -1 --format=%cs "$to")"
fi

declare -a breaking=() features=() fixes=() performance=() docs=() refactoring=() other=()
pattern='^([a-z]+)(\(([^)]*)\))?(!)?: (.+)$'
# One record per commit: short hash, unit separator, subject, unit separator, body, record separator.
while IFS=$'\x1f' read -r -d $'\x1e' hash subject body; do
  hash="${hash#$'\n'}"
  [ -z "$hash" ] && continue
  if [[ "$subject" =~ $pattern ]]; then
    type="${BASH_REMATCH[1]}"
    scope="${BASH_REMATCH[3]}"
    bang="${BASH_REMATCH[4]}"
    text="${BASH_REMATCH[5]}"
    line="- ${scope:+**${scope}:** }${text} (${hash})"
    if [ -n "$bang" ] || [[ "$body" == *"BREAKING CHANGE:"* ]]; then
      breaking+=("$line")
      continue
    fi
    case "$type" in
      feat) features+=("$line") ;;
      fix) fixes+=("$line") ;;
      perf) performance+=("$line") ;;
      docs) docs+=("$line") ;;
      refactor) refactoring+=("$line") ;;
      chore|ci|build|test|style) ;;
      *) other+=("- ${subject} (${hash})") ;;
    esac
  else
    other+=("- ${subject} (${hash})")
  fi
done < <(git log --no-merges --format='%h%x1f%s%x1f%b%x1e' "$range")

printf '## %s (%s)\n' "$version" "$date"
section() {
  local title="$1"
  shift
  [ $# -eq 0 ] && return 0
  printf '\n### %s\n' "$title"
  printf '%s\n' "$@"
}
section "Breaking changes" ${breaking[@]+"${breaking[@]}"}
section "Features" ${features[@]+"${features[@]}"}
section "Fixes" ${fixes[@]+"${fixes[@]}"}
section "Performance" ${performance[@]+"${performance[@]}"}
section "Documentation" ${docs[@]+"${docs[@]}"}
section "Refactoring" ${refactoring[@]+"${refactoring[@]}"}
section "Other changes" ${other[@]+"${other[@]}"}
