#!/usr/bin/env bash
# Run Shopify Theme Check with sensible defaults and print a prioritised summary.
#   run-check.sh [--fix] [--category NAME] [--fail-level error|suggestion|style]
set -uo pipefail

SKILL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/defaults.env
source "$SKILL_DIR/scripts/lib/defaults.env"
# shellcheck source=lib/session.sh
source "$SKILL_DIR/scripts/lib/session.sh"

FIX=0
CATEGORY=""
FAIL_LEVEL=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --fix) FIX=1; shift ;;
    --category) CATEGORY="$2"; shift 2 ;;
    --fail-level) FAIL_LEVEL="$2"; shift 2 ;;
    -h|--help) sed -n '2,3p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

for d in layout templates sections snippets; do
  [[ -d "$d" ]] || { echo "Not a theme root (missing $d/). cd into the theme first." >&2; exit 1; }
done

command -v shopify >/dev/null || { echo "Shopify CLI not found: npm i -g @shopify/cli @shopify/theme" >&2; exit 1; }

CONFIG=".theme-check.yml"
if [[ ! -f "$CONFIG" ]]; then
  CONFIG="$SKILL_DIR/assets/.theme-check.yml"
  echo "Using default config from the skill ($CONFIG)"
fi

mkdir -p .theme-check
grep -qxF '.theme-check/' .gitignore 2>/dev/null || echo '.theme-check/' >> .gitignore

keep_session_warm

if [[ $FIX -eq 1 ]]; then
  echo "Auto-correcting what Theme Check can fix..."
  shopify theme check --config "$CONFIG" --auto-correct >/dev/null || true
fi

ARGS=(theme check --config "$CONFIG" --output json)
[[ -n "$CATEGORY" ]] && ARGS+=(--category "$CATEGORY")
[[ -n "$FAIL_LEVEL" ]] && ARGS+=(--fail-level "$FAIL_LEVEL")

shopify "${ARGS[@]}" > .theme-check/report.json
status=$?

python3 "$SKILL_DIR/scripts/summarize.py" .theme-check/report.json
exit $status
