#!/usr/bin/env bash
# Thin wrapper around ripgrep and semgrep that writes results to .variant-analysis/.
#
#   find_variants.sh grep    <regex> [path...] [-- extra rg args]
#   find_variants.sh semgrep <rule.yaml> [path...]
set -euo pipefail

OUT_DIR=".variant-analysis"
mkdir -p "$OUT_DIR"

mode="${1:-}"; shift || true
stamp=$(date +%Y%m%d-%H%M%S)

case "$mode" in
  grep)
    pattern="${1:?regex required}"; shift
    paths=()
    extra=()
    while [[ $# -gt 0 ]]; do
      case "$1" in
        --) shift; extra+=("$@"); break ;;
        --type|-t|--glob|-g) extra+=("$1" "$2"); shift 2 ;;
        *) paths+=("$1"); shift ;;
      esac
    done
    [[ ${#paths[@]} -gt 0 ]] || paths=(.)
    out="$OUT_DIR/grep-$stamp.txt"
    {
      echo "# pattern: $pattern"
      echo "# paths: ${paths[*]}"
      rg --line-number --column --no-heading --hidden \
         --glob '!.git' --glob '!node_modules' --glob '!vendor' --glob "!$OUT_DIR" \
         "${extra[@]}" -e "$pattern" "${paths[@]}" || true
    } | tee "$out"
    echo
    echo "hits: $(grep -vc '^#' "$out" || true)  (saved to $out)"
    ;;

  semgrep)
    rule="${1:?rule file required}"; shift
    [[ -f "$rule" ]] || { echo "rule file not found: $rule" >&2; exit 1; }
    if ! command -v semgrep >/dev/null 2>&1; then
      echo "semgrep is not installed. Ask the user before installing it (pipx install semgrep)." >&2
      exit 3
    fi
    [[ $# -gt 0 ]] || set -- .
    out="$OUT_DIR/semgrep-$(basename "$rule" .yaml)-$stamp.json"
    semgrep scan --metrics=off --disable-version-check --config "$rule" --json --output "$out" "$@" || true
    python3 - "$out" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
results = data.get("results", [])
for r in results:
    print(f'{r["path"]}:{r["start"]["line"]}: {r["check_id"]}: {r["extra"]["lines"].strip()[:120]}')
print(f"\nhits: {len(results)}  (saved to {sys.argv[1]})")
for e in data.get("errors", []):
    print("semgrep error:", e.get("message", e), file=sys.stderr)
PY
    ;;

  *)
    sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
