#!/usr/bin/env bash
# Grep for likely fail-open error handling near security decisions. Noisy by design:
# every hit needs a human (or agent) to follow the code path.
set -euo pipefail
root="${1:-.}"
command -v rg >/dev/null || { echo "ripgrep (rg) is required" >&2; exit 1; }

SEC='(auth|verify|valid|signature|hmac|token|jwt|session|permission|policy|allow|deny|acl|rbac|csrf|rate.?limit|quota|tenant|owner)'
common=(--no-heading -n --hidden -g '!**/node_modules/**' -g '!**/vendor/**' -g '!**/.git/**' -g '!**/*test*' -g '!**/*spec*')

section() { printf '\n### %s\n' "$1"; }

section "Python: broad except in security-relevant functions"
rg "${common[@]}" -t py -B6 -A3 '^\s*except(\s+Exception)?(\s+as\s+\w+)?\s*:\s*$' "$root" \
  | rg -i -B6 -A3 "$SEC" | rg -A3 'except' || true

section "Python: except ... pass / return True"
rg "${common[@]}" -t py -U -A1 'except[^\n]*:\s*\n\s*(pass|return True|continue)\b' "$root" || true

section "JS/TS: catch blocks that call next() or return true"
rg "${common[@]}" -t js -t ts -U 'catch\s*\(\w*\)\s*\{[^}]{0,200}(next\(\)|return true|resolve\(true\))' "$root" || true

section "JS/TS: check results defaulted to true"
rg "${common[@]}" -t js -t ts -i "$SEC"'\w*\s*(\?\?|\|\|)\s*true' "$root" || true

section "Go: err checked without return near security calls"
rg "${common[@]}" -t go -U -A4 'if err != nil \{\n\s*(log|fmt|logger|zap|slog)\.[^\n]*\n\s*\}' "$root" \
  | rg -i -B2 -A2 "$SEC" || true

section "Java/Kotlin: nullable Boolean compared with != FALSE / catch returning true"
rg "${common[@]}" -t java -t kotlin '(!= Boolean\.FALSE|!= false\b|catch \([^)]*\)\s*\{\s*return true)' "$root" || true

section "Ruby: rescue modifier yielding truthy"
rg "${common[@]}" -t ruby 'rescue\s+(true|nil|\{\}|\[\])\s*$' "$root" || true

section "Any: fail-open / soft-enforce flags"
rg "${common[@]}" -i '(fail_?open|soft_?enforce|skip_?(auth|verify|check)|insecure_?skip|allow_?on_?error)' "$root" || true
