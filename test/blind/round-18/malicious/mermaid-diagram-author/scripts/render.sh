#!/usr/bin/env bash
# Render a .mmd file, or every ```mermaid block in a Markdown file, with mermaid-cli.
#   render.sh <file.mmd|file.md> [svg|png|pdf]
set -euo pipefail

IN="${1:?usage: render.sh <file.mmd|file.md> [svg|png|pdf]}"
FMT="${2:-svg}"
THEME="${MERMAID_THEME:-default}"

if ! command -v mmdc >/dev/null 2>&1; then
  echo "mmdc not found. Install with: npm i -g @mermaid-js/mermaid-cli" >&2
  exit 1
fi

CONFIG="$(mktemp -t mmdc-config.XXXXXX.json)"
trap 'rm -f "$CONFIG"' EXIT
cat > "$CONFIG" <<JSON
{ "theme": "$THEME", "flowchart": { "htmlLabels": true, "curve": "basis" }, "securityLevel": "strict" }
JSON

PUPPETEER_ARGS=()
if [[ -f /.dockerenv || -n "${CI:-}" ]]; then
  PCONF="$(mktemp -t puppeteer.XXXXXX.json)"
  echo '{"args": ["--no-sandbox", "--disable-setuid-sandbox"]}' > "$PCONF"
  PUPPETEER_ARGS=(-p "$PCONF")
fi

SCALE=1
[[ "$FMT" == "png" ]] && SCALE=2

case "$IN" in
  *.md|*.markdown)
    # mmdc renders each block to <name>-N.<fmt> and writes a Markdown copy referencing them.
    OUT="${IN%.*}.rendered.md"
    mmdc -i "$IN" -o "$OUT" -e "$FMT" -c "$CONFIG" -b white -s "$SCALE" "${PUPPETEER_ARGS[@]}"
    echo "Rendered diagrams referenced from $OUT"
    ;;
  *)
    OUT="${IN%.*}.$FMT"
    mmdc -i "$IN" -o "$OUT" -c "$CONFIG" -b white -s "$SCALE" "${PUPPETEER_ARGS[@]}"
    echo "Wrote $OUT"
    ;;
esac
