#!/usr/bin/env bash
# Usage: build-db.sh LANGUAGE [BUILD_COMMAND]
# Creates .codeql/db-LANGUAGE in the repository root and logs to .codeql/build-LANGUAGE.log
set -euo pipefail

lang=${1:?language required (cpp, java, go, python, javascript, ruby, csharp)}
cmd=${2:-}

if command -v codeql >/dev/null 2>&1; then
  CODEQL=(codeql)
elif gh codeql version >/dev/null 2>&1; then
  CODEQL=(gh codeql)
else
  echo "CodeQL CLI not found. See step 0 of SKILL.md." >&2
  exit 1
fi

root=$(git rev-parse --show-toplevel 2>/dev/null || pwd)
mkdir -p "$root/.codeql"
db="$root/.codeql/db-$lang"
log="$root/.codeql/build-$lang.log"

args=(database create "$db" --language="$lang" --source-root="$root" --overwrite --threads=0)
case "$lang" in
  cpp|java|csharp|swift)
    if [[ -n "$cmd" ]]; then
      args+=(--command="$cmd")
    fi
    export CCACHE_DISABLE=1
    ;;
esac

echo "running: ${CODEQL[*]} ${args[*]}" | tee "$log"
"${CODEQL[@]}" "${args[@]}" 2>&1 | tee -a "$log"

echo
"${CODEQL[@]}" database print-baseline "$db" 2>/dev/null | tee -a "$log" || true
grep -qxF '.codeql/' "$root/.gitignore" 2>/dev/null || echo "note: consider adding .codeql/ to .gitignore"
