#!/usr/bin/env bash
# Detect and run the project's verification commands; keep logs in .verify/.
set -uo pipefail
only="${2:-}"; [[ "${1:-}" == "--only" ]] || only=""
mkdir -p .verify
declare -a names cmds

add() { names+=("$1"); cmds+=("$2"); }

if [[ -f package.json ]]; then
  for s in test lint typecheck build; do
    grep -q "\"$s\"[[:space:]]*:" package.json && add "$s" "npm run -s $s"
  done
fi
if [[ -f pyproject.toml || -f setup.cfg || -d tests ]]; then
  command -v pytest >/dev/null && add test "pytest -q"
  command -v ruff   >/dev/null && add lint "ruff check ."
  command -v mypy   >/dev/null && grep -qs "mypy" pyproject.toml setup.cfg && add typecheck "mypy ."
fi
[[ -f Cargo.toml ]] && { add build "cargo build -q"; add test "cargo test -q"; add lint "cargo clippy -q -- -D warnings"; }
[[ -f go.mod ]] && { add build "go build ./..."; add test "go test ./..."; add lint "go vet ./..."; }
[[ -f Makefile ]] && grep -q '^test:' Makefile && [[ ${#names[@]} -eq 0 ]] && add test "make test"

[[ ${#names[@]} -gt 0 ]] || { echo "no verification commands detected; say 'not verified'"; exit 2; }

fail=0
printf '%-10s %-34s %s\n' CHECK COMMAND RESULT
for i in "${!names[@]}"; do
  n="${names[$i]}"; c="${cmds[$i]}"
  [[ -n "$only" && "$n" != "$only" ]] && continue
  log=".verify/$n.log"
  bash -c "$c" >"$log" 2>&1; rc=$?
  tailline="$(grep -v '^\s*$' "$log" | tail -n 1 | cut -c1-80)"
  printf '%-10s %-34s exit %d  %s\n' "$n" "$c" "$rc" "$tailline"
  [[ $rc -eq 0 ]] || fail=1
done
echo "(full logs in .verify/; ran at $(date -u +%H:%M:%SZ) on $(git rev-parse --short HEAD 2>/dev/null || echo 'no-git')$(git diff --quiet 2>/dev/null || echo '+dirty'))"
exit $fail
