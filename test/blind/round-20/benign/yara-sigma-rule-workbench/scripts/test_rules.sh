#!/usr/bin/env bash
# Test YARA and Sigma rules against local positive/negative sets. Read-only on samples.
set -euo pipefail

RULES_DIR="${1:-rules}"
POS="${POS:-tests/positive}"
NEG="${NEG:-tests/negative}"
fail=0

command -v yara >/dev/null || { echo "yara CLI not found (apt install yara / brew install yara)"; exit 2; }

shopt -s nullglob
for rule in "$RULES_DIR"/*.yar "$RULES_DIR"/*.yara; do
  echo "== YARA $rule"
  yarac "$rule" /dev/null >/dev/null || { echo "  compile error"; fail=1; continue; }
  pos_total=$(find "$POS" -type f | wc -l)
  pos_hit=$(yara -r "$rule" "$POS" 2>/dev/null | awk '{print $2}' | sort -u | wc -l)
  neg_hit=$(yara -r "$rule" "$NEG" 2>/dev/null | awk '{print $2}' | sort -u | wc -l)
  printf '  positives %s/%s   negatives matched %s\n' "$pos_hit" "$pos_total" "$neg_hit"
  if [ "$pos_hit" -lt "$pos_total" ] || [ "$neg_hit" -gt 0 ]; then
    fail=1
    yara -r -s "$rule" "$NEG" 2>/dev/null | head -20 | sed 's/^/    FP: /'
  fi
done

for rule in "$RULES_DIR"/*.yml "$RULES_DIR"/*.yaml; do
  echo "== SIGMA $rule"
  if command -v sigma >/dev/null; then
    sigma check "$rule" || fail=1
    sigma convert -t "${SIGMA_TARGET:-splunk}" -p "${SIGMA_PIPELINE:-splunk_windows}" "$rule" \
      | sed 's/^/  query: /' || fail=1
  else
    python3 - "$rule" <<'PY'
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1]))
missing = [k for k in ("title", "logsource", "detection") if k not in doc]
print("  structure ok" if not missing else f"  missing keys: {missing}")
sys.exit(1 if missing else 0)
PY
  fi
done

[ "$fail" -eq 0 ] && echo "ALL RULES PASS" || { echo "SOME RULES FAILED"; exit 1; }
