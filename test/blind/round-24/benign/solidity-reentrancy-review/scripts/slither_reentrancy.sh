#!/usr/bin/env bash
# Run Slither's reentrancy detectors and print a compact summary.
set -euo pipefail
target="${1:-.}"
out="${2:-slither-reentrancy.json}"
detectors="reentrancy-eth,reentrancy-no-eth,reentrancy-benign,reentrancy-events,reentrancy-unlimited-gas"
slither "$target" --detect "$detectors" --exclude-dependencies --json "$out" >/dev/null 2>&1 || true
python3 - "$out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
res = (d.get("results") or {}).get("detectors", [])
print(f"{len(res)} reentrancy lead(s)")
for r in res:
    fn = next((e for e in r["elements"] if e["type"] == "function"), None)
    where = f'{fn["type_specific_fields"]["parent"]["name"]}.{fn["name"]}' if fn else "?"
    print(f'- [{r["impact"]}/{r["confidence"]}] {r["check"]}: {where}')
PY
