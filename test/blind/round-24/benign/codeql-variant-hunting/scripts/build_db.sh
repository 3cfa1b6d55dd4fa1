#!/usr/bin/env bash
# build_db.sh <language> <source-root> [build-command]
set -euo pipefail
lang="${1:?language (python|javascript|java|go|cpp|csharp|ruby)}"
src="${2:-.}"
cmd="${3:-}"
db="${CODEQL_DB:-codeql-db}"
command -v codeql >/dev/null || { echo "codeql CLI not on PATH (see SKILL.md prerequisites)" >&2; exit 2; }
args=(database create "$db" --language="$lang" --source-root="$src" --overwrite)
[[ -n "$cmd" ]] && args+=(--command="$cmd")
codeql "${args[@]}"
codeql resolve database "$db" >/dev/null && echo "database ready: $db"
