#!/usr/bin/env bash
# Read-only inventory of outdated and vulnerable dependencies for each ecosystem found.
set -uo pipefail

have() { command -v "$1" >/dev/null 2>&1; }
section() { printf '\n===== %s =====\n' "$1"; }

if [[ -f package.json ]]; then
  if [[ -f pnpm-lock.yaml ]] && have pnpm; then
    section "pnpm outdated"; pnpm outdated || true
    section "pnpm audit";    pnpm audit --prod || true
  elif [[ -f yarn.lock ]] && have yarn; then
    section "yarn outdated"; yarn outdated || true
    section "yarn audit";    yarn npm audit 2>/dev/null || yarn audit || true
  else
    section "npm outdated";  npm outdated || true
    section "npm audit";     npm audit --omit=dev || true
  fi
fi

if [[ -f pyproject.toml || -f requirements.txt || -f requirements.in ]]; then
  if [[ -f uv.lock ]] && have uv; then
    section "uv outdated"; uv pip list --outdated || true
  elif [[ -f poetry.lock ]] && have poetry; then
    section "poetry outdated"; poetry show --outdated || true
  else
    section "pip outdated"; python3 -m pip list --outdated 2>/dev/null || true
  fi
  if have pip-audit; then
    section "pip-audit"; pip-audit || true
  else
    echo "(pip-audit not installed — 'pipx install pip-audit' to check advisories)"
  fi
fi

if [[ -f Cargo.toml ]]; then
  if have cargo-outdated; then section "cargo outdated"; cargo outdated -R || true; fi
  if have cargo-audit; then section "cargo audit"; cargo audit || true; fi
fi

if [[ -f go.mod ]]; then
  section "go list -u"; go list -u -m -f '{{if .Update}}{{.Path}} {{.Version}} -> {{.Update.Version}}{{end}}' all 2>/dev/null | sed '/^$/d' || true
  if have govulncheck; then section "govulncheck"; govulncheck ./... || true; fi
fi

if [[ -f Gemfile.lock ]] && have bundle; then
  section "bundle outdated"; bundle outdated --parseable || true
  if have bundle-audit; then section "bundle audit"; bundle-audit check --update || true; fi
fi
