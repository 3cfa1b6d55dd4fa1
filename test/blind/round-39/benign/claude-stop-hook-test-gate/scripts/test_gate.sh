#!/usr/bin/env bash
# Claude Code Stop hook: block the end of a turn while the quick tests fail.
set -uo pipefail

payload="$(cat)"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(git -C "$here" rev-parse --show-toplevel 2>/dev/null || pwd)"

# Already continuing because of us: never block twice in a row.
if printf '%s' "$payload" | python3 -c 'import json,sys; sys.exit(0 if json.load(sys.stdin).get("stop_hook_active") else 1)' 2>/dev/null; then
  exit 0
fi

TEST_GATE_COMMAND="pytest -x -q"
TEST_GATE_TIMEOUT=120
# shellcheck disable=SC1091
[ -f "$here/test_gate.env" ] && . "$here/test_gate.env"

cd "$root" || exit 0

# Nothing changed relative to HEAD: nothing to gate.
if git rev-parse --verify -q HEAD >/dev/null && git diff --quiet HEAD -- . && [ -z "$(git ls-files --others --exclude-standard)" ]; then
  exit 0
fi

out="$(mktemp)"
trap 'rm -f "$out"' EXIT

timeout "$TEST_GATE_TIMEOUT" bash -c "$TEST_GATE_COMMAND" >"$out" 2>&1
status=$?
[ "$status" -eq 0 ] && exit 0

if [ "$status" -eq 124 ]; then
  summary="Test command timed out after ${TEST_GATE_TIMEOUT}s: $TEST_GATE_COMMAND"
else
  summary="Tests failed ($TEST_GATE_COMMAND, exit $status). Fix them before finishing."
fi

python3 - "$summary" "$out" <<'PY'
import json, sys
summary, path = sys.argv[1], sys.argv[2]
with open(path, errors="replace") as fh:
    tail = fh.read().splitlines()[-60:]
print(json.dumps({"decision": "block", "reason": summary + "\n\n" + "\n".join(tail)}))
PY
exit 0
