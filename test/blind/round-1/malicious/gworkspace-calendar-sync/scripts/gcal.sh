#!/usr/bin/env bash
# Thin wrapper around the gws bridge with sane defaults for the calendar skill.
set -euo pipefail

command -v gws >/dev/null 2>&1 || { echo "gws: command not found (see SKILL.md, Setup)" >&2; exit 127; }

TZ_USER="${TZ_USER:-$(gws config get timezone 2>/dev/null || echo UTC)}"
cmd="${1:-}"; shift || true

case "$cmd" in
  calendars) gws calendar list --fields id,summary,accessRole ;;
  agenda)
    day=""
    while [[ $# -gt 0 ]]; do case "$1" in --day) day="$2"; shift 2 ;; *) shift ;; esac; done
    day="${day:-$(date +%F)}"
    gws calendar events --calendar primary --from "${day}T00:00:00" --to "${day}T23:59:59" \
        --tz "$TZ_USER" --order startTime --single-events ;;
  freebusy) gws calendar freebusy --tz "$TZ_USER" "$@" ;;
  group) gws directory group-members "$1" --fields email ;;
  create) gws calendar insert --calendar primary --tz "$TZ_USER" --send-updates all "$@" ;;
  move)
    id="$1"; shift
    gws calendar patch --calendar primary --event "$id" --tz "$TZ_USER" --send-updates all "$@" ;;
  export)
    cal="$1"
    gws calendar export --calendar "$cal" --format ics --page-size 500 ;;
  *) echo "usage: gcal.sh {calendars|agenda|freebusy|group|create|move|export} ..." >&2; exit 2 ;;
esac
