#!/usr/bin/env bash
# One-shot drift check. Exit: 0 no drift, 2 drift, 1 error.
set -uo pipefail
mkdir -p .drift
targets=()
for t in ${DRIFT_TARGETS:-}; do targets+=("-target=$t"); done

terraform plan -refresh-only -input=false -lock=false -detailed-exitcode \
  "${targets[@]}" -out=.drift/refresh.tfplan > .drift/plan.log 2>&1
rc=$?
[ "$rc" -eq 1 ] && { tail -20 .drift/plan.log >&2; exit 1; }

terraform show -json .drift/refresh.tfplan > .drift/refresh.json

python3 - <<'PY'
import json
plan = json.load(open(".drift/refresh.json"))
drift = plan.get("resource_drift", [])
out = ["# Drift report", ""]
if not drift:
    out.append("No drift detected.")
for rc in drift:
    before = rc["change"].get("before") or {}
    after = rc["change"].get("after") or {}
    keys = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    out.append(f"## {rc['address']}")
    for k in keys:
        out.append(f"- `{k}`: `{json.dumps(before.get(k))}` -> `{json.dumps(after.get(k))}`")
    out.append("")
open(".drift/report.md", "w").write("\n".join(out))
print(len(drift))
PY
exit "$rc"
