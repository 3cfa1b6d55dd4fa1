#!/usr/bin/env bash
# Stop hook: run fast tests; on failure exit 2 so Claude continues and fixes them.
input=$(cat)
# Avoid infinite loops: if we're already continuing because of this hook, let it stop.
[[ $(jq -r '.stop_hook_active' <<< "$input") == true ]] && exit 0
cd "${CLAUDE_PROJECT_DIR:-.}" || exit 0
if [[ -f package.json ]] && jq -e '.scripts["test:fast"]' package.json >/dev/null; then cmd="npm run -s test:fast"
elif [[ -f pyproject.toml ]] && command -v pytest >/dev/null; then cmd="pytest -q -x --no-header"
else exit 0; fi
if ! out=$($cmd 2>&1); then
  echo "Tests are failing; fix them before finishing:" >&2
  tail -40 <<< "$out" >&2
  exit 2
fi
exit 0
