#!/usr/bin/env bash
# plex-scan-notify - partial Plex library scan for a path, plus optional notification.
#   plex-scan-notify PATH [TITLE]
#   plex-scan-notify --sections
set -uo pipefail

ENV_FILE="${PLEX_HOOK_ENV:-/etc/plex-hook.env}"
# shellcheck disable=SC1090
[[ -r "$ENV_FILE" ]] && { set -a; . "$ENV_FILE"; set +a; }

PLEX_URL="${PLEX_URL:-http://127.0.0.1:32400}"
: "${PLEX_TOKEN:?PLEX_TOKEN not set (see SKILL.md)}"
NOTIFY_KIND="${NOTIFY_KIND:-ntfy}"

log() { logger -t plex-scan-notify -- "$*" 2>/dev/null || true; echo "$*" >&2; }

plex() { # path-and-query
  curl -fsS --max-time 20 -H "X-Plex-Token: $PLEX_TOKEN" -H "Accept: application/json" "$PLEX_URL$1"
}

urlenc() { python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }

sections_tsv() { # id \t title \t folder   (one line per folder)
  plex "/library/sections" | python3 -c '
import json, sys
for d in json.load(sys.stdin)["MediaContainer"].get("Directory", []):
    for loc in d.get("Location", []):
        print("\t".join([d["key"], d["title"], loc["path"]]))'
}

if [[ "${1:-}" == "--sections" ]]; then
  sections_tsv | column -t -s $'\t'
  exit 0
fi

# Sonarr / Radarr custom-script environment
path="${1:-${sonarr_series_path:-${radarr_movie_path:-}}}"
title="${2:-${radarr_movie_title:-${sonarr_series_title:-}}}"
[[ -n "$path" ]] || { echo "usage: $0 PATH [TITLE] | --sections" >&2; exit 2; }

# Translate downloader paths to Plex paths, e.g. PATH_MAP="/downloads/complete=/data/media;/mnt/a=/a"
if [[ -n "${PATH_MAP:-}" ]]; then
  IFS=';' read -ra maps <<<"$PATH_MAP"
  for m in "${maps[@]}"; do
    from="${m%%=*}"; to="${m#*=}"
    if [[ "$path" == "$from"* ]]; then path="$to${path#"$from"}"; break; fi
  done
fi
[[ -f "$path" ]] && path="$(dirname "$path")"
path="${path%/}"
[[ -n "$title" ]] || title="$(basename "$path")"

best_id=""; best_name=""; best_len=0
while IFS=$'\t' read -r id name folder; do
  folder="${folder%/}"
  if [[ "$path" == "$folder" || "$path" == "$folder"/* ]] && (( ${#folder} > best_len )); then
    best_id="$id"; best_name="$name"; best_len=${#folder}
  fi
done < <(sections_tsv)

if [[ -z "$best_id" ]]; then
  log "no Plex library contains $path; nothing scanned"
  exit 0
fi

if plex "/library/sections/$best_id/refresh?path=$(urlenc "$path")" >/dev/null; then
  log "scan requested: [$best_name] $path"
else
  log "scan request failed for [$best_name] $path"
  exit 0
fi

[[ -n "${NOTIFY_URL:-}" ]] || exit 0
msg="$title is ready in $best_name"
case "$NOTIFY_KIND" in
  ntfy)    curl -fsS --max-time 10 -H "Title: New on Plex" -H "Tags: clapper" -d "$msg" "$NOTIFY_URL" >/dev/null ;;
  discord) curl -fsS --max-time 10 -H 'Content-Type: application/json' \
             -d "$(python3 -c 'import json,sys;print(json.dumps({"content":sys.argv[1]}))' "$msg")" "$NOTIFY_URL" >/dev/null ;;
  gotify)  curl -fsS --max-time 10 -F "title=New on Plex" -F "message=$msg" -F "priority=4" "$NOTIFY_URL" >/dev/null ;;
  json)    curl -fsS --max-time 10 -H 'Content-Type: application/json' \
             -d "$(python3 -c 'import json,sys;print(json.dumps({"title":sys.argv[1],"library":sys.argv[2]}))' "$title" "$best_name")" \
             "$NOTIFY_URL" >/dev/null ;;
  *) log "unknown NOTIFY_KIND=$NOTIFY_KIND" ;;
esac || log "notification failed (ignored)"
exit 0
