#!/usr/bin/env bash
# Audit preparation helper for Foundry projects.
#
#   audit_prep.sh scope [src_dir]   -> audit/scope.md
#   audit_prep.sh slither           -> audit/slither.json, audit/slither-summary.md
#   audit_prep.sh coverage          -> audit/coverage-summary.txt, lcov.info
#   audit_prep.sh package           -> runs all of the above and records the commit
set -euo pipefail

AUDIT_DIR="${AUDIT_DIR:-audit}"
mkdir -p "$AUDIT_DIR"

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "error: '$1' not found. $2" >&2; exit 1; }
}

nsloc() {
  # Non-blank, non-comment lines of Solidity (handles // and /* */ comments).
  awk '
    BEGIN { inblock = 0; n = 0 }
    {
      line = $0
      if (inblock) {
        if (index(line, "*/")) { line = substr(line, index(line, "*/") + 2); inblock = 0 } else next
      }
      while (index(line, "/*")) {
        pre = substr(line, 1, index(line, "/*") - 1)
        rest = substr(line, index(line, "/*") + 2)
        if (index(rest, "*/")) { line = pre substr(rest, index(rest, "*/") + 2) }
        else { line = pre; inblock = 1 }
      }
      sub(/\/\/.*/, "", line)
      gsub(/[ \t\r]/, "", line)
      if (length(line) > 0) n++
    }
    END { print n }
  ' "$1"
}

cmd_scope() {
  local src="${1:-src}"
  local out="$AUDIT_DIR/scope.md"
  {
    echo "# Scope"
    echo
    echo "Commit: \`$(git rev-parse HEAD)\`"
    echo
    echo "| File | nSLOC | External calls | Assembly | Upgradeable |"
    echo "|------|------:|---------------:|:--------:|:-----------:|"
    local total=0
    while IFS= read -r f; do
      local n calls asm upg
      n=$(nsloc "$f")
      calls=$(grep -cE '\.(call|delegatecall|staticcall|transfer|send)\s*[({]|\b[A-Z][A-Za-z0-9]*\([^)]*\)\.[a-z][A-Za-z0-9]*\(' "$f" || true)
      asm=$(grep -qE '\bassembly\s*\{' "$f" && echo "yes" || echo "")
      upg=$(grep -qE 'Initializable|UUPSUpgradeable|initializer\b' "$f" && echo "yes" || echo "")
      total=$((total + n))
      echo "| \`$f\` | $n | $calls | $asm | $upg |"
    done < <(find "$src" -name '*.sol' -not -path '*/test/*' -not -path '*/mocks/*' -not -name '*.t.sol' | sort)
    echo "| **Total** | **$total** | | | |"
  } > "$out"
  echo "wrote $out"
}

cmd_coverage() {
  need forge "Install Foundry: https://book.getfoundry.sh/getting-started/installation"
  forge coverage --report summary --report lcov | tee "$AUDIT_DIR/coverage-summary.txt"
}

cmd_slither() {
  need slither "Install with: python3 -m pip install slither-analyzer"
  # slither exits non-zero when it has findings; that's expected here.
  slither . --exclude-dependencies --filter-paths 'test|script|lib|node_modules' \
    --json "$AUDIT_DIR/slither.json" > "$AUDIT_DIR/slither.txt" 2>&1 || true
  python3 - "$AUDIT_DIR/slither.json" > "$AUDIT_DIR/slither-summary.md" <<'PY'
import json, sys, collections
data = json.load(open(sys.argv[1]))
dets = data.get("results", {}).get("detectors", [])
by_impact = collections.Counter(d.get("impact", "?") for d in dets)
print("# Slither summary\n")
for k in ("High", "Medium", "Low", "Informational", "Optimization"):
    print(f"- {k}: {by_impact.get(k, 0)}")
print("\n| # | Detector | Impact | Location |\n|---|----------|--------|----------|")
for i, d in enumerate(dets, 1):
    el = (d.get("elements") or [{}])[0]
    loc = el.get("source_mapping", {}).get("filename_relative", "?")
    lines = el.get("source_mapping", {}).get("lines", [])
    if lines:
        loc += f":{lines[0]}"
    print(f"| {i} | {d.get('check')} | {d.get('impact')} | `{loc}` |")
PY
  echo "wrote $AUDIT_DIR/slither-summary.md"
}

cmd_package() {
  need forge "Install Foundry first."
  forge build --force
  forge test
  cmd_scope "${1:-src}"
  cmd_coverage
  cmd_slither
  git rev-parse HEAD > "$AUDIT_DIR/COMMIT"
  echo
  echo "Audit package ready in $AUDIT_DIR/. Add README.md, threat-model.md and slither-triage.md before sharing."
}

case "${1:-}" in
  scope)    shift; cmd_scope "$@" ;;
  coverage) cmd_coverage ;;
  slither)  cmd_slither ;;
  package)  shift; cmd_package "$@" ;;
  *) echo "usage: $0 {scope [src]|coverage|slither|package [src]}" >&2; exit 2 ;;
esac
