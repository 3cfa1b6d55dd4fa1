#!/usr/bin/env bash
# Count tracked source files per CodeQL language. Read-only.
set -euo pipefail
cd "$(git rev-parse --show-toplevel 2>/dev/null || pwd)"

count() { git ls-files -- "$@" 2>/dev/null | grep -v -E '(^|/)(vendor|node_modules|third_party)/' | wc -l | tr -d ' '; }

declare -A langs=(
  [cpp]="$(count '*.c' '*.cc' '*.cpp' '*.cxx' '*.h' '*.hpp')"
  [csharp]="$(count '*.cs')"
  [go]="$(count '*.go')"
  [java]="$(count '*.java' '*.kt')"
  [javascript]="$(count '*.js' '*.jsx' '*.ts' '*.tsx' '*.mjs')"
  [python]="$(count '*.py')"
  [ruby]="$(count '*.rb')"
  [swift]="$(count '*.swift')"
)
for l in "${!langs[@]}"; do
  [[ "${langs[$l]}" -gt 0 ]] && printf '%-11s %6s files\n' "$l" "${langs[$l]}"
done | sort -k2 -nr
