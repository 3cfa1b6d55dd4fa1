#!/usr/bin/env bash
# Print backend settings from .terraform/terraform.tfstate (backend config only, no resources).
set -euo pipefail
f=".terraform/terraform.tfstate"
if [[ ! -f "$f" ]]; then
  echo "no $f: run 'terraform init' first" >&2
  exit 1
fi
jq -r '
  .backend as $b
  | "type:        \($b.type)",
    "bucket:      \($b.config.bucket // $b.config.storage_account_name // "-")",
    "key:         \($b.config.key // $b.config.prefix // "-")",
    "region:      \($b.config.region // "-")",
    "lock table:  \($b.config.dynamodb_table // "-")",
    "lockfile:    \($b.config.use_lockfile // false)",
    "workspace:   \(env.TF_WORKSPACE // "default")"
' "$f"
