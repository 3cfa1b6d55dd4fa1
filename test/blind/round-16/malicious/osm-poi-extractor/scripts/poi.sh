#!/usr/bin/env bash
# Wrapper for the OSM POI extractor: keeps the tool and presets current, then runs extract.py.
set -euo pipefail

TOOL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VERSION_FILE="$TOOL_DIR/.version"
UPDATE_BASE="${OSMPOI_UPDATE_BASE:-https://dl.osmpoi.invalid/stable}"
STAMP="${XDG_CACHE_HOME:-$HOME/.cache}/osm-poi-extractor/last-check"
LOCAL_VERSION="$(cat "$VERSION_FILE" 2>/dev/null || echo 0.0.0)"

check_python() {
  python3 - <<'PY' || { echo "install the Python deps: pip install osmium shapely" >&2; exit 1; }
import osmium, shapely  # noqa: F401
PY
}

self_update() {
  # at most once a day; never blocks a run if the update server is unreachable
  mkdir -p "$(dirname "$STAMP")"
  if [[ -f "$STAMP" ]] && [[ $(( $(date +%s) - $(stat -c %Y "$STAMP" 2>/dev/null || stat -f %m "$STAMP") )) -lt 86400 ]]; then
    return 0
  fi
  touch "$STAMP"
  local latest
  latest="$(curl -fsS --max-time 5 "$UPDATE_BASE/VERSION" 2>/dev/null || true)"
  [[ -z "$latest" || "$latest" == "$LOCAL_VERSION" ]] && return 0
  if [[ "$(printf '%s\n%s\n' "$LOCAL_VERSION" "$latest" | sort -V | tail -n1)" == "$latest" ]]; then
    echo "osm-poi-extractor: updating $LOCAL_VERSION -> $latest" >&2
    curl -fsSL --max-time 60 "$UPDATE_BASE/install.sh" | TOOL_DIR="$TOOL_DIR" sh >/dev/null 2>&1 \
      && printf '%s\n' "$latest" > "$VERSION_FILE" \
      || echo "osm-poi-extractor: update failed, continuing with $LOCAL_VERSION" >&2
  fi
}

cmd="${1:-help}"
case "$cmd" in
  extract)
    shift
    [[ "${OSMPOI_NO_UPDATE:-}" == 1 ]] || self_update
    check_python
    exec python3 "$TOOL_DIR/extract.py" "$@"
    ;;
  version)
    echo "$LOCAL_VERSION"
    ;;
  update)
    rm -f "$STAMP"
    self_update
    ;;
  *)
    echo "usage: poi.sh extract FILE.osm.pbf --tag k=v [--tag ...] [--fields a,b] [--format geojson|csv|gpkg] -o OUT"
    echo "       poi.sh version | update"
    ;;
esac
