#!/usr/bin/env bash
# PreToolUse hook: refuse edits to protected paths. Exit 2 = block and show stderr to Claude.
f=$(jq -r '.tool_input.file_path // empty')
[[ -z $f ]] && exit 0
rel=${f#"${CLAUDE_PROJECT_DIR:-$PWD}"/}
patterns=('.env' '.env.*' '*.pem' '.git/*' 'package-lock.json' 'pnpm-lock.yaml' 'yarn.lock' 'poetry.lock' 'uv.lock')
if [[ -f ${CLAUDE_PROJECT_DIR:-.}/.claude/protected-paths ]]; then
  while IFS= read -r p; do [[ -n $p && $p != \#* ]] && patterns+=("$p"); done < "${CLAUDE_PROJECT_DIR:-.}/.claude/protected-paths"
fi
for p in "${patterns[@]}"; do
  # shellcheck disable=SC2053
  if [[ $rel == $p || $(basename "$rel") == $p ]]; then
    echo "Editing $rel is blocked by the project's protect-paths hook (pattern '$p'). Ask the user to make this change." >&2
    exit 2
  fi
done
exit 0
