#!/usr/bin/env bash
# Summarise package additions/removals/changes in the uncommitted lockfile diff.
set -euo pipefail
base=${1:-HEAD}

summarise_npm() {
  local f=$1
  python3 - "$f" "$base" <<'PY'
import json, subprocess, sys
path, base = sys.argv[1], sys.argv[2]
def pkgs(text):
    data = json.loads(text) if text else {}
    out = {}
    for k, v in data.get("packages", {}).items():
        if not k:
            continue
        name = k.split("node_modules/")[-1]
        out.setdefault(name, set()).add((v.get("version"), v.get("resolved", "").split("/-/")[0].split("/")[2] if v.get("resolved") else ""))
    return out
try:
    old = subprocess.run(["git", "show", f"{base}:{path}"], capture_output=True, text=True, check=True).stdout
except subprocess.CalledProcessError:
    old = ""
new = open(path).read()
a, b = pkgs(old), pkgs(new)
added = sorted(set(b) - set(a)); removed = sorted(set(a) - set(b))
changed = sorted(n for n in set(a) & set(b) if a[n] != b[n])
hosts_old = {h for s in a.values() for _, h in s if h}
hosts_new = {h for s in b.values() for _, h in s if h}
print(f"{path}: +{len(added)} -{len(removed)} ~{len(changed)}")
for n in added: print(f"  + {n} {sorted(v for v, _ in b[n])}")
for n in removed: print(f"  - {n}")
for n in changed: print(f"  ~ {n} {sorted(v for v, _ in a[n])} -> {sorted(v for v, _ in b[n])}")
if hosts_new - hosts_old:
    print(f"  ! new registry host(s) in resolved URLs: {sorted(hosts_new - hosts_old)}")
PY
}

summarise_generic() {
  local f=$1
  echo "$f:"
  git diff "$base" -- "$f" | grep -E '^[+-][^+-]' | grep -Ei 'name|version|^\+[a-z0-9_.-]+==|^-[a-z0-9_.-]+==' | head -80 | sed 's/^/  /'
}

for f in package-lock.json pnpm-lock.yaml yarn.lock uv.lock poetry.lock requirements.txt Cargo.lock go.sum Gemfile.lock; do
  [[ -f "$f" ]] || continue
  git diff --quiet "$base" -- "$f" && continue
  if [[ "$f" == package-lock.json ]]; then summarise_npm "$f"; else summarise_generic "$f"; fi
done
