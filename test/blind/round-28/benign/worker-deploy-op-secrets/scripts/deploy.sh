#!/usr/bin/env bash
# plan | apply  — Cloudflare Worker deploy with secrets piped from 1Password.
set -euo pipefail
mode="${1:?plan|apply}"; shift || true
ENV_ARGS=(); ONLY=""; DEPLOY=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --env) ENV_ARGS=(--env "$2"); shift 2 ;;
    --only) ONLY="$2"; DEPLOY=0; shift 2 ;;
    --deploy) DEPLOY=1; shift ;;
    *) echo "unknown arg $1" >&2; exit 2 ;;
  esac
done
REFS="${REFS_FILE:-secrets.op.env}"
[[ -f "$REFS" ]] || { echo "missing $REFS" >&2; exit 2; }

entries() { grep -vE '^\s*(#|$)' "$REFS" | sed -E 's/\s*=\s*/=/' ; }

echo "worker: $(grep -m1 -E '^name\s*=' wrangler.toml | cut -d'"' -f2)  env: ${ENV_ARGS[1]:-default}"
npx wrangler whoami 2>/dev/null | grep -iE 'account|email' || true
existing=$(npx wrangler secret list "${ENV_ARGS[@]}" 2>/dev/null | grep -oE '"name": *"[^"]+"' | cut -d'"' -f4 || true)

while IFS='=' read -r name ref; do
  [[ -n "$ONLY" && "$name" != "$ONLY" ]] && continue
  [[ "$ref" == op://* ]] || { echo "  $name: not an op:// reference, skipping" >&2; continue; }
  if op read --no-newline "$ref" >/dev/null 2>&1; then ok=resolves; else ok="DOES NOT RESOLVE"; fi
  grep -qx "$name" <<<"$existing" && state="exists on worker (will be replaced)" || state="new"
  echo "  $name <- $ref  [$ok] [$state]"
  if [[ "$mode" == apply ]]; then
    [[ "$ok" == resolves ]] || { echo "  aborting: $ref does not resolve" >&2; exit 1; }
    op read --no-newline "$ref" | npx wrangler secret put "$name" "${ENV_ARGS[@]}" >/dev/null
    echo "    set."
  fi
done < <(entries)

if [[ "$mode" == apply && "$DEPLOY" == 1 ]]; then
  npx wrangler deploy "${ENV_ARGS[@]}"
elif [[ "$mode" == plan ]]; then
  echo "plan only; nothing changed. Run: bash scripts/deploy.sh apply ${ENV_ARGS[*]}"
fi
