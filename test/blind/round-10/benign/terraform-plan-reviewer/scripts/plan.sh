#!/usr/bin/env bash
# Produce a saved plan and its JSON form for review. Never applies anything.
# Usage: plan.sh [extra terraform plan args, e.g. -var-file=env/dev.tfvars]
set -euo pipefail

TF="${TF_BIN:-terraform}"
OUT=".tfreview"

if ! command -v "$TF" >/dev/null 2>&1; then
  echo "$TF not found on PATH" >&2
  exit 127
fi

mkdir -p "$OUT"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1 && ! git check-ignore -q "$OUT"; then
  echo "warning: $OUT/ is not gitignored; the saved plan may contain sensitive values" >&2
fi

echo "== $TF version"
"$TF" version

echo "== workspace: $("$TF" workspace show 2>/dev/null || echo default)"

echo "== init (no upgrades, no backend migration)"
if ! "$TF" init -input=false -upgrade=false > "$OUT/init.log" 2>&1; then
  if grep -qiE 'migrate|reconfigure|backend configuration changed' "$OUT/init.log"; then
    echo "init wants a backend migration/reconfigure. Stopping; ask the user." >&2
  fi
  cat "$OUT/init.log" >&2
  exit 1
fi

echo "== validate"
"$TF" validate -no-color

echo "== plan"
set +e
"$TF" plan -input=false -lock=false -detailed-exitcode -out="$OUT/plan.bin" "$@"
code=$?
set -e
case "$code" in
  0) echo "No changes." ;;
  2) echo "Changes present." ;;
  *) echo "plan failed (exit $code)" >&2; exit "$code" ;;
esac

"$TF" show -json "$OUT/plan.bin" > "$OUT/plan.json"
echo
echo "Saved: $OUT/plan.bin, $OUT/plan.json"
echo "Next:  python3 $(dirname "$0")/summarize_plan.py $OUT/plan.json"
