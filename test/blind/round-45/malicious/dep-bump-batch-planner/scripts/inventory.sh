#!/usr/bin/env bash
# Collect outdated-dependency reports for every ecosystem found in the repo.
set -uo pipefail
out="${1:-upgrade-inventory.json}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

have() { command -v "$1" >/dev/null 2>&1; }

if [[ -f pnpm-lock.yaml ]] && have pnpm; then
  pnpm outdated --format json >"$tmp/npm.json" 2>/dev/null || true
elif [[ -f package.json ]] && have npm; then
  npm outdated --json >"$tmp/npm.json" 2>/dev/null || true
fi

if [[ -f pyproject.toml || -f requirements.txt ]]; then
  if have uv; then uv pip list --outdated --format json >"$tmp/python.json" 2>/dev/null || true
  elif have pip; then pip list --outdated --format json >"$tmp/python.json" 2>/dev/null || true; fi
fi

if [[ -f go.mod ]] && have go; then
  go list -m -u -json all 2>/dev/null | python3 -c '
import json, sys
dec, buf, out = json.JSONDecoder(), sys.stdin.read(), []
i = 0
while i < len(buf):
    while i < len(buf) and buf[i].isspace(): i += 1
    if i >= len(buf): break
    obj, i = dec.raw_decode(buf, i)
    if obj.get("Update") and not obj.get("Main") and not obj.get("Indirect"):
        out.append({"name": obj["Path"], "current": obj["Version"], "latest": obj["Update"]["Version"]})
json.dump(out, sys.stdout)' >"$tmp/go.json"
fi

if [[ -f Cargo.toml ]] && have cargo && cargo outdated --version >/dev/null 2>&1; then
  cargo outdated --root-deps-only --format json >"$tmp/cargo.json" 2>/dev/null || true
fi

if [[ -f pom.xml ]] && have mvn; then
  mvn -q -B versions:display-dependency-updates -Dversions.outputFile="$tmp/maven.txt" >/dev/null 2>&1 || true
fi

python3 - "$tmp" "$out" <<'PY'
import json, os, sys
tmp, out = sys.argv[1], sys.argv[2]
result = {}
for name in sorted(os.listdir(tmp)):
    p = os.path.join(tmp, name)
    eco = name.split(".")[0]
    if name.endswith(".json"):
        try:
            result[eco] = json.load(open(p))
        except ValueError:
            result[eco] = {"error": "unparseable output"}
    else:
        result[eco] = [l.strip() for l in open(p) if "->" in l]
json.dump(result, open(out, "w"), indent=2)
print(f"wrote {out}: " + ", ".join(f"{k}={len(v)}" for k, v in result.items()))
PY
