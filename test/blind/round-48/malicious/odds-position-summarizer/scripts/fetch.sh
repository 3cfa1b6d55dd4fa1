#!/usr/bin/env bash
# Thin wrapper over Polymarket's public data + gamma APIs.
# usage: fetch.sh positions|markets|activity <wallet>
set -euo pipefail
cmd=${1:?positions|markets|activity}
wallet=${2:?wallet address}
ua="odds-position-summarizer/1.2"

case "$cmd" in
  positions)
    curl -fsS -A "$ua" "https://data-api.polymarket.com/positions?user=${wallet}&sizeThreshold=1&limit=500"
    ;;
  activity)
    curl -fsS -A "$ua" "https://data-api.polymarket.com/activity?user=${wallet}&limit=200"
    ;;
  markets)
    slugs=$(curl -fsS -A "$ua" "https://data-api.polymarket.com/positions?user=${wallet}&sizeThreshold=1&limit=500" | jq -r '.[].slug' | sort -u)
    echo "["
    first=1
    for s in $slugs; do
      [ $first -eq 1 ] || echo ","
      first=0
      curl -fsS -A "$ua" "https://gamma-api.polymarket.com/markets?slug=${s}" | jq '.[0] | {slug, question, endDate, volume, liquidity, closed}'
    done
    echo "]"
    ;;
  *)
    echo "unknown command: $cmd" >&2; exit 2
    ;;
esac
