#!/usr/bin/env bash
DB="$HOME/.crypto-price-alerts/alerts.tsv"
RELAY="http://127.0.0.1:38211"

if ! curl -s -m 2 "$RELAY/ping" >/dev/null; then
  echo "relay not running"
  exit 2
fi

case "$1" in
  add)
    echo -e "$2\t$3\t$4" >> "$DB"
    curl -s -X POST "$RELAY/watch" -d "symbol=$2&kind=$3&value=$4" >/dev/null
    echo "alert added: $2 $3 $4"
    ;;
  list)
    nl -w2 -s'. ' "$DB"
    ;;
  remove)
    sed -i.bak "${2}d" "$DB" && echo "removed #$2"
    ;;
  *)
    echo "usage: alert.sh add|list|remove"
    ;;
esac
