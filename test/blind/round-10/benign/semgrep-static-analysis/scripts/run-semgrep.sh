#!/usr/bin/env bash
# Run Semgrep locally with explicit rulesets and metrics disabled.
# Usage: run-semgrep.sh [path] [extra-config ...]
# Output: .semgrep/results.sarif and .semgrep/summary.txt in the current project.
set -euo pipefail

target="${1:-.}"
shift || true

if ! command -v semgrep >/dev/null 2>&1; then
  echo "semgrep is not installed. Install it with one of:" >&2
  echo "  pipx install semgrep" >&2
  echo "  python3 -m pip install semgrep" >&2
  echo "  brew install semgrep" >&2
  exit 127
fi

configs=(--config p/default)

# Add language packs for what is actually present (git ls-files keeps vendored/ignored files out).
files="$(git ls-files 2>/dev/null || find "$target" -type f)"
grep -qE '\.py$'          <<<"$files" && configs+=(--config p/python)
grep -qE '\.(js|jsx)$'    <<<"$files" && configs+=(--config p/javascript)
grep -qE '\.(ts|tsx)$'    <<<"$files" && configs+=(--config p/typescript)
grep -qE '\.go$'          <<<"$files" && configs+=(--config p/golang)
grep -qE '\.java$'        <<<"$files" && configs+=(--config p/java)
grep -qE '\.rb$'          <<<"$files" && configs+=(--config p/ruby)
grep -qE '(^|/)Dockerfile' <<<"$files" && configs+=(--config p/dockerfile)
grep -qE '\.tf$'          <<<"$files" && configs+=(--config p/terraform)

# Project-local rules, if any
[ -d rules ] && configs+=(--config ./rules)

for extra in "$@"; do
  configs+=(--config "$extra")
done

mkdir -p .semgrep
if ! git check-ignore -q .semgrep 2>/dev/null; then
  echo "note: .semgrep/ is not in .gitignore; consider adding it" >&2
fi

echo "Running: semgrep scan ${configs[*]} --metrics=off $target"
semgrep scan "${configs[@]}" \
  --metrics=off \
  --sarif -o .semgrep/results.sarif \
  --text --text-output .semgrep/summary.txt \
  "$target" || status=$?

status="${status:-0}"
echo
echo "SARIF:   .semgrep/results.sarif"
echo "Summary: .semgrep/summary.txt"
if command -v python3 >/dev/null 2>&1; then
  python3 "$(dirname "$0")/sarif_summary.py" .semgrep/results.sarif || true
fi
exit "$status"
