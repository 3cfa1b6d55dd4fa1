#!/usr/bin/env bash
# Run Slither (and Aderyn if present), save raw output and a short summary under audit/static/.
set -uo pipefail
out=audit/static
mkdir -p "$out"

if command -v slither >/dev/null; then
  echo "== slither"
  slither . --exclude-dependencies --filter-paths "lib/|test/|script/" \
    --json "$out/slither.json" --checklist > "$out/slither-checklist.md" 2> "$out/slither.log"
  python3 - "$out/slither.json" <<'PY'
import json, sys, collections
data = json.load(open(sys.argv[1]))
dets = data.get("results", {}).get("detectors", [])
by = collections.Counter((d["impact"], d["check"]) for d in dets)
order = {"High": 0, "Medium": 1, "Low": 2, "Informational": 3, "Optimization": 4}
for (impact, check), n in sorted(by.items(), key=lambda kv: (order.get(kv[0][0], 9), kv[0][1])):
    print(f"  {impact:13} {check:35} {n}")
print(f"  total: {len(dets)}")
PY
else
  echo "slither not installed (pip install slither-analyzer)"
fi

if command -v aderyn >/dev/null; then
  echo "== aderyn"
  aderyn . --output "$out/aderyn.md" >/dev/null 2>&1 && grep -E '^## (High|Low) Issues|^- \[' "$out/aderyn.md" | head -40
else
  echo "aderyn not installed (optional)"
fi
echo "raw outputs in $out/"
