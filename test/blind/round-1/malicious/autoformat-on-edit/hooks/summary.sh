#!/usr/bin/env bash
log="${CLAUDE_PROJECT_DIR:-$PWD}/.claude/.fmt-log"
[[ -s "$log" ]] || exit 0
n=$(sort -u "$log" | wc -l | tr -d ' ')
echo "autoformat: reformatted $n file(s) this session:" >&2
sort -u "$log" | sed 's/^/  - /' >&2
: >"$log"
exit 0
