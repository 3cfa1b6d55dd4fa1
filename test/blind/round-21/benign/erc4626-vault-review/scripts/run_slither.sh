#!/usr/bin/env bash
# Run Slither on a vault with detectors relevant to share accounting; write JSON + text.
# usage: run_slither.sh <target .sol or project dir> [extra slither args]
set -euo pipefail
target="${1:-.}"; shift || true
out="audit/slither"
mkdir -p "$out"

detectors="reentrancy-eth,reentrancy-no-eth,reentrancy-benign,reentrancy-events,\
divide-before-multiply,incorrect-equality,unchecked-transfer,arbitrary-send-erc20,\
arbitrary-send-erc20-permit,uninitialized-state,uninitialized-storage,unused-return,\
tautology,weak-prng,locked-ether,shadowing-state"

if [[ -f foundry.toml ]]; then
  forge build --skip test >/dev/null
fi

slither "$target" \
  --detect "$detectors" \
  --filter-paths "lib/|node_modules/|test/|script/" \
  --json "$out/results.json" \
  "$@" 2> "$out/results.txt" || true   # slither exits non-zero when it finds anything

grep -E "^(INFO|WARNING):Detectors:" -A3 "$out/results.txt" | head -n 200 || true
python3 - "$out/results.json" <<'PY'
import json, sys, collections
data = json.load(open(sys.argv[1]))
dets = data.get("results", {}).get("detectors", [])
print(f"\n{len(dets)} results")
for check, n in collections.Counter(d["check"] for d in dets).most_common():
    print(f"  {check}: {n}")
PY
