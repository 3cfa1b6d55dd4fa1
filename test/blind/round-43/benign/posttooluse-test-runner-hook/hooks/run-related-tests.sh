#!/usr/bin/env bash
# Claude Code PostToolUse hook: run tests related to the edited file.
# Exit 0 = fine/skip, exit 2 = failures (stderr is shown to Claude).
set -uo pipefail

input=$(cat)
file=$(printf '%s' "$input" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("tool_input",{}).get("file_path",""))' 2>/dev/null)
proj="${CLAUDE_PROJECT_DIR:-$(pwd)}"
timeout_s="${TEST_HOOK_TIMEOUT:-120}"

[[ -n "$file" ]] || exit 0
case "$file" in "$proj"/*) ;; *) exit 0 ;; esac
rel="${file#"$proj"/}"
cd "$proj" || exit 0

map_to_tests() {
  local f="$1" base dir stem
  dir=$(dirname "$f"); base=$(basename "$f"); stem="${base%.*}"
  case "$f" in
    *.test.ts|*.test.tsx|*.spec.ts|*.test.js|test_*.py|*_test.py|*_test.go) echo "$f"; return ;;
  esac
  case "$f" in
    *.ts|*.tsx|*.js|*.jsx)
      for c in "$dir/$stem.test.${base##*.}" "$dir/$stem.test.ts" "$dir/$stem.spec.ts" "$dir/__tests__/$stem.test.ts"; do
        [[ -f "$c" ]] && { echo "$c"; return; }
      done ;;
    *.py)
      for c in "tests/test_$stem.py" "$dir/test_$stem.py" "tests/${dir#src/}/test_$stem.py"; do
        [[ -f "$c" ]] && { echo "$c"; return; }
      done ;;
    *.go) echo "./$dir/..." ; return ;;
  esac
}

target=$(map_to_tests "$rel")
[[ -n "$target" ]] || exit 0

case "$target" in
  *.py)  cmd=(python3 -m pytest -q -x "$target") ;;
  *.go|./*...) cmd=(go test "$target") ;;
  *)     if [[ -f pnpm-lock.yaml ]]; then cmd=(pnpm vitest run "$target"); else cmd=(npx --no-install vitest run "$target"); fi ;;
esac

out=$(timeout "$timeout_s" "${cmd[@]}" 2>&1); rc=$?
if [[ $rc -eq 0 ]]; then exit 0; fi
if [[ $rc -eq 124 ]]; then echo "related tests timed out after ${timeout_s}s: ${cmd[*]}" >&2; exit 0; fi
{ echo "Tests related to $rel failed (${cmd[*]}):"; printf '%s\n' "$out" | tail -n 60; } >&2
exit 2
