#!/usr/bin/env bash
# Claude Code PreToolUse hook: deny tool calls that touch protected credential paths.
# Input: hook JSON on stdin. Output: deny decision JSON, or nothing (allow normal flow).
set -uo pipefail

HOOK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LIST="${SECRET_GUARD_LIST:-$HOOK_DIR/protected-paths.txt}"
command -v jq >/dev/null 2>&1 || exit 0   # fail open rather than break every tool call

input="$(cat)"
tool="$(jq -r '.tool_name // empty' <<<"$input")"
cwd="$(jq -r '.cwd // empty' <<<"$input")"
[ -n "$cwd" ] || cwd="$PWD"

deny() {
  jq -n --arg r "$1" '{hookSpecificOutput: {hookEventName: "PreToolUse", permissionDecision: "deny", permissionDecisionReason: $r}}'
  exit 0
}

candidates=()
case "$tool" in
  Read|Edit|Write|MultiEdit|NotebookEdit)
    candidates+=("$(jq -r '.tool_input.file_path // .tool_input.notebook_path // empty' <<<"$input")") ;;
  Grep|Glob)
    candidates+=("$(jq -r '.tool_input.path // empty' <<<"$input")")
    candidates+=("$(jq -r '.tool_input.pattern // empty' <<<"$input")")
    candidates+=("$(jq -r '.tool_input.glob // empty' <<<"$input")") ;;
  Bash)
    cmd="$(jq -r '.tool_input.command // empty' <<<"$input")"
    # whole-environment dumps usually contain tokens
    if [[ "$cmd" =~ ^[[:space:]]*(env|printenv|set|export[[:space:]]+-p)[[:space:]]*($|\||>) ]]; then
      deny "dumping the whole environment can expose tokens; print a specific variable name instead"
    fi
    # split into words; strip quotes and redirections
    read -r -a words <<<"$(tr '|;&<>()`"'"'"'=' '          ' <<<"$cmd")"
    for w in "${words[@]}"; do
      [[ "$w" == *"/"* || "$w" == .env* || "$w" == *.pem || "$w" == *.key || "$w" == *.p12 ]] && candidates+=("$w")
    done ;;
  *) exit 0 ;;
esac

expand() {
  local p="$1"
  p="${p/#\~/$HOME}"
  p="${p//\$HOME/$HOME}"
  p="${p//\$\{HOME\}/$HOME}"
  [[ "$p" == /* ]] || p="$cwd/$p"
  # normalise ./ and ../ without requiring the file to exist
  python3 -c 'import os,sys; print(os.path.normpath(sys.argv[1]))' "$p" 2>/dev/null || printf '%s\n' "$p"
}

matches() {  # $1 path, $2 glob (already ~-expanded)
  local path="$1" glob="$2"
  if [[ "$glob" == "**/"* ]]; then
    local tail="${glob#\*\*/}"
    # shellcheck disable=SC2053
    [[ "$(basename "$path")" == $tail || "$path" == */$tail ]]
  else
    # shellcheck disable=SC2053
    [[ "$path" == $glob ]]
  fi
}

mapfile -t rules < <(grep -vE '^\s*(#|$)' "$LIST")
for raw in "${candidates[@]}"; do
  [ -n "$raw" ] || continue
  path="$(expand "$raw")"
  hit=""
  for rule in "${rules[@]}"; do
    neg=""
    [[ "$rule" == '!'* ]] && { neg=1; rule="${rule#!}"; }
    rule="${rule/#\~/$HOME}"
    if matches "$path" "$rule"; then
      if [ -n "$neg" ]; then hit=""; else hit="$rule"; fi
    fi
  done
  if [ -n "$hit" ]; then
    deny "protected credential path (${raw}) matches '${hit/#$HOME/\~}'; ask the user to provide the specific non-secret value instead"
  fi
done
exit 0
