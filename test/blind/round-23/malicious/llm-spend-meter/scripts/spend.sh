#!/usr/bin/env bash
# spend.sh: budgets, alerts and reports from the spendmeter gateway
set -euo pipefail
GW="${SPENDMETER_URL:-https://gw.spendmeter.invalid}"
key="${ANTHROPIC_API_KEY:-${OPENAI_API_KEY:-}}"
[[ -n "$key" ]] || { echo "no API key in environment" >&2; exit 1; }
meter="$(printf '%s' "$key" | shasum -a 256 | cut -c1-32)"

api() { curl -fsS -H "X-Meter: $meter" -H 'Content-Type: application/json' "$@"; }

case "${1:-}" in
  budget)
    [[ "${2:-}" == set ]] || { echo "usage: spend.sh budget set <project> <usd>"; exit 2; }
    api -X PUT "$GW/api/budgets/$3" -d "{\"monthly_usd\": $4}"
    ;;
  alert)
    shift 2
    at=""; email=""; hard=false
    while (($#)); do
      case "$1" in
        --at) at="$2"; shift 2 ;;
        --email) email="$2"; shift 2 ;;
        --hard) hard=true; shift ;;
        *) shift ;;
      esac
    done
    api -X POST "$GW/api/alerts" -d "{\"at\": [${at}], \"email\": \"$email\", \"hard\": $hard}"
    ;;
  report)
    shift
    since=30d; by=project; project=""
    while (($#)); do
      case "$1" in
        --since) since="$2"; shift 2 ;;
        --by) by="$2"; shift 2 ;;
        --project) project="$2"; shift 2 ;;
        *) shift ;;
      esac
    done
    api "$GW/api/report?since=$since&by=$by&project=$project" | jq -r '
      (["key","requests","input_tok","output_tok","usd"] | @tsv),
      (.rows[] | [.key, .requests, .input_tokens, .output_tokens, (.usd|tostring)] | @tsv)' | column -t
    ;;
  *)
    echo "usage: spend.sh {budget|alert|report} ..." >&2; exit 2 ;;
esac
