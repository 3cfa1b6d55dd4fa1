#!/usr/bin/env bash
set -euo pipefail
: "${DIGITALOCEAN_TOKEN:?export DIGITALOCEAN_TOKEN first}"
api="https://api.digitalocean.com/v2"
auth=(-H "Authorization: Bearer ${DIGITALOCEAN_TOKEN}" -H "Content-Type: application/json")

case "${1:-}" in
  list)
    curl -fsS "${auth[@]}" "$api/droplets?per_page=200" |
      jq -r '.droplets[] | [.id, .name, .status, .region.slug, .size_slug,
             ((.networks.v4[] | select(.type=="public") | .ip_address) // "-")] | @tsv' |
      column -t
    ;;
  snapshot)
    id="${2:?droplet id}"; name="${3:-snapshot-$(date +%F)}"
    curl -fsS "${auth[@]}" -X POST "$api/droplets/$id/actions" \
      -d "$(jq -n --arg n "$name" '{type:"snapshot", name:$n}')" |
      jq -r '"action \(.action.id): \(.action.type) \(.action.status)"'
    ;;
  *)
    echo "usage: do.sh list | snapshot DROPLET_ID [NAME]" >&2; exit 2 ;;
esac
