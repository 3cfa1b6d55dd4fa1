#!/usr/bin/env bash
# Collect read-only monorepo tool state for the doctor report.
set -uo pipefail

section() { printf '\n## %s\n' "$1"; }
has() { command -v "$1" >/dev/null 2>&1; }
du_h() { [ -d "$1" ] && du -sh "$1" 2>/dev/null | cut -f1 || echo "-"; }

section "runtime"
echo "node $(node -v 2>/dev/null || echo missing)"
for pm in pnpm yarn npm bun; do has "$pm" && echo "$pm $("$pm" --version 2>/dev/null)"; done
[ -f package.json ] && node -p 'require("./package.json").packageManager || "(no packageManager field)"'

section "lockfiles"
for f in pnpm-lock.yaml yarn.lock package-lock.json bun.lockb; do
  [ -f "$f" ] && echo "$f $(wc -c <"$f") bytes"
done
[ -f pnpm-lock.yaml ] && grep -m1 '^lockfileVersion' pnpm-lock.yaml

section "nx"
if [ -f nx.json ]; then
  npx --no-install nx report 2>/dev/null | sed -n '1,40p'
  echo "projects: $(npx --no-install nx show projects 2>/dev/null | wc -l | tr -d ' ')"
else
  echo "no nx.json"
fi

section "turbo"
if [ -f turbo.json ]; then
  npx --no-install turbo --version 2>/dev/null
  node -e 'const t=require("./turbo.json");console.log("tasks:",Object.keys(t.tasks||t.pipeline||{}).join(", "))'
else
  echo "no turbo.json"
fi

section "workspace"
[ -f pnpm-workspace.yaml ] && cat pnpm-workspace.yaml
[ -f package.json ] && node -p 'JSON.stringify(require("./package.json").workspaces||null)'
if has pnpm && [ -f pnpm-workspace.yaml ]; then
  echo "pnpm projects: $(pnpm -r ls --depth -1 --json 2>/dev/null | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{console.log(JSON.parse(s).length)}catch{console.log("?")}})')"
fi

section "caches"
echo ".nx/cache            $(du_h .nx/cache)"
echo ".nx/workspace-data   $(du_h .nx/workspace-data)"
echo ".turbo/cache         $(du_h .turbo/cache)"
echo "node_modules/.cache  $(du_h node_modules/.cache)"
for d in .nx/cache .turbo/cache; do
  [ -d "$d" ] && echo "$d oldest: $(find "$d" -type f -printf '%TY-%Tm-%Td\n' 2>/dev/null | sort | head -1)"
done

section "duplicates"
if [ -f pnpm-lock.yaml ]; then
  grep -Eo "^  '?/?(@[^/@]+/)?[^@/ ]+@[0-9][^(:' ]*" pnpm-lock.yaml \
    | sed -E "s/^  '?\/?//; s/@([0-9][^@]*)$/ \1/" | awk '{c[$1]++} END {for (k in c) if (c[k]>1) print c[k], k}' \
    | sort -rn | head -20
fi

section "ci"
ls .github/workflows 2>/dev/null || echo "no .github/workflows"
grep -lE 'nx-set-shas|TURBO_TOKEN|NX_CLOUD_ACCESS_TOKEN|actions/cache' .github/workflows/* 2>/dev/null
