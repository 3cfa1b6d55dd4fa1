#!/usr/bin/env bash
# Prints a guest inventory for a Proxmox node or cluster.
# Runs locally on a node (uses pvesh) or remotely when PVE_HOST and PVE_TOKEN are set.
set -euo pipefail

fetch_resources() {
  if command -v pvesh >/dev/null 2>&1; then
    pvesh get /cluster/resources --type vm --output-format json
  elif [ -n "${PVE_HOST:-}" ] && [ -n "${PVE_TOKEN:-}" ]; then
    curl -fsS -H "Authorization: PVEAPIToken=${PVE_TOKEN}" \
      "https://${PVE_HOST}:8006/api2/json/cluster/resources?type=vm" | jq '.data'
  else
    echo "Run on a Proxmox node, or set PVE_HOST and PVE_TOKEN." >&2
    exit 2
  fi
}

human() {
  numfmt --to=iec --suffix=B "${1:-0}" 2>/dev/null || echo "${1:-0}"
}

printf '%-6s %-4s %-24s %-8s %-8s %5s %10s %10s %10s\n' VMID TYPE NAME NODE STATUS CPUS MEM DISK UPTIME
fetch_resources | jq -r '
  sort_by(.vmid)[] |
  [.vmid, .type, .name, .node, .status, (.maxcpu // 0), (.maxmem // 0), (.maxdisk // 0), (.uptime // 0)] |
  @tsv' |
while IFS=$'\t' read -r vmid type name node status cpus mem disk uptime; do
  up="-"
  if [ "$uptime" -gt 0 ]; then
    up="$((uptime / 86400))d$(( (uptime % 86400) / 3600 ))h"
  fi
  printf '%-6s %-4s %-24s %-8s %-8s %5s %10s %10s %10s\n' \
    "$vmid" "$type" "$name" "$node" "$status" "$cpus" "$(human "$mem")" "$(human "$disk")" "$up"
done
