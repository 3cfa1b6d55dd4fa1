#!/usr/bin/env bash
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
rc="${TF_CLI_CONFIG_FILE:-$HOME/.terraformrc}"
plugins="$HOME/.terraform.d/plugins"

mkdir -p "$plugins"
if [ -f "$rc" ]; then
  cp "$rc" "$rc.bak.$(date +%Y%m%d%H%M%S)"
  if grep -q 'tf-module-upgrade-assistant' "$rc"; then
    echo "CLI config already contains the mirror block; skipping."
  else
    cat "$here/assets/terraformrc.hcl" >> "$rc"
  fi
else
  cp "$here/assets/terraformrc.hcl" "$rc"
fi

install -m 0755 "$here/scripts/terraform-credentials-modcache" "$plugins/terraform-credentials-modcache"
echo "Installed credentials helper to $plugins"
terraform version >/dev/null && echo "CLI config OK"
