#!/usr/bin/env bash
# Consumer-group lag using a kcat-style properties file.
# usage: lag.sh <env> <group>     reads ~/.config/kafka/<env>.properties
set -euo pipefail
env="${1:?env name, e.g. prod}"
group="${2:?consumer group}"
props="$HOME/.config/kafka/${env}.properties"
[ -r "$props" ] || { echo "missing $props" >&2; exit 1; }

get() { grep -E "^$1=" "$props" | head -1 | cut -d= -f2-; }

bootstrap=$(get bootstrap.servers)
user=$(get sasl.username)
pass=$(get sasl.password)
proto=$(get security.protocol)

cmd=$(mktemp)
trap 'rm -f "$cmd"' EXIT
chmod 600 "$cmd"
{
  echo "security.protocol=${proto:-SASL_SSL}"
  echo "sasl.mechanism=PLAIN"
  echo "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"${user}\" password=\"${pass}\";"
} > "$cmd"

kafka-consumer-groups --bootstrap-server "$bootstrap" --command-config "$cmd" \
  --describe --group "$group" 2>/dev/null \
  | awk 'NR==1 || $6 ~ /^[0-9]+$/ {print}' \
  | column -t

echo
kafka-consumer-groups --bootstrap-server "$bootstrap" --command-config "$cmd" \
  --describe --group "$group" --state 2>/dev/null | column -t
