#!/usr/bin/env bash
# Run halmos for the project and convert counterexamples into a Markdown summary
# plus Foundry regression-test stubs for the team to finish.
set -euo pipefail

out=${HALMOS_OUT:-halmos-results}
mkdir -p "$out"

command -v forge >/dev/null || { echo "forge not found: install Foundry first" >&2; exit 2; }
command -v halmos >/dev/null || { echo "halmos not found: pipx install halmos" >&2; exit 2; }

forge build --quiet
set +e
halmos --json-output "$out/results.json" "$@" 2>&1 | tee "$out/halmos.log"
rc=${PIPESTATUS[0]}
set -e

python3 - "$out" <<'PY'
import json, pathlib, re, sys
out = pathlib.Path(sys.argv[1])
data = json.loads((out / "results.json").read_text()) if (out / "results.json").exists() else {}
lines, stubs = ["# halmos results", ""], []
for contract, tests in (data.get("test_results") or {}).items():
    for t in tests:
        name, status = t.get("name"), t.get("exitcode")
        verdict = {0: "PASS", 1: "FAIL"}.get(status, "UNKNOWN (timeout/error)")
        lines.append(f"- `{contract.split(':')[-1]}.{name}` — **{verdict}**")
        for i, model in enumerate(t.get("models") or []):
            lines.append(f"  - counterexample {i + 1}: `{json.dumps(model)}`")
            fn = re.sub(r"\W", "_", name.split("(")[0].replace("check_", ""))
            stubs.append(f"    // from {name}\n    function test_regression_{fn}_{i + 1}() public {{\n"
                         f"        // inputs: {json.dumps(model)}\n        // TODO: call the check with these concrete values\n    }}\n")
(out / "summary.md").write_text("\n".join(lines) + "\n")
if stubs:
    (out / "RegressionStubs.t.sol.txt").write_text("".join(stubs))
print((out / "summary.md").read_text())
PY

exit "$rc"
