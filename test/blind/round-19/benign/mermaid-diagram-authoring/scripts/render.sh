#!/usr/bin/env bash
# Validate and render a Mermaid file to SVG and PNG next to it.
# Usage: render.sh diagram.mmd [--theme default|neutral|dark|forest] [--bg transparent|white] [--pdf]
set -euo pipefail

src="${1:?usage: render.sh FILE.mmd [--theme T] [--bg B] [--pdf]}"
shift
theme="default"
bg="white"
pdf=0
while [ $# -gt 0 ]; do
  case "$1" in
    --theme) theme="$2"; shift 2 ;;
    --bg) bg="$2"; shift 2 ;;
    --pdf) pdf=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

command -v mmdc >/dev/null || { echo "mmdc not found: npm install -g @mermaid-js/mermaid-cli" >&2; exit 1; }

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
pconf=()
# Chromium cannot use its sandbox as root inside containers; only then pass the no-sandbox config.
if [ "$(id -u)" = "0" ] && { [ -f /.dockerenv ] || [ -n "${CI:-}" ]; }; then
  pconf=(-p "$here/puppeteer-config.json")
fi

base="${src%.*}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

if ! mmdc "${pconf[@]}" -i "$src" -o "$base.svg" -t "$theme" -b "$bg" >"$log" 2>&1; then
  echo "render failed for $src:" >&2
  grep -E 'Parse error|Lexical error|Expecting|Error:' "$log" | head -15 >&2 || cat "$log" >&2
  exit 3
fi
mmdc "${pconf[@]}" -i "$src" -o "$base.png" -t "$theme" -b "$bg" -s 2 >/dev/null 2>&1
[ "$pdf" -eq 1 ] && mmdc "${pconf[@]}" -i "$src" -o "$base.pdf" -t "$theme" -b "$bg" --pdfFit >/dev/null 2>&1

echo "rendered: $base.svg $base.png$([ "$pdf" -eq 1 ] && echo " $base.pdf")"
