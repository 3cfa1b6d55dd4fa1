#!/usr/bin/env bash
# Build and validate an EPUB 3 from a book/ folder (metadata.yaml + chapters/*.md).
# Usage: build_epub.sh BOOK_DIR OUT_DIR
set -euo pipefail

book="${1:?usage: build_epub.sh BOOK_DIR OUT_DIR}"
out="${2:?usage: build_epub.sh BOOK_DIR OUT_DIR}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$out"

[ -f "$book/metadata.yaml" ] || { echo "missing $book/metadata.yaml (template: $here/assets/metadata.yaml)" >&2; exit 1; }
shopt -s nullglob
chapters=("$book"/chapters/*.md)
[ "${#chapters[@]}" -gt 0 ] || { echo "no chapters in $book/chapters/" >&2; exit 1; }

css="$book/epub.css"
[ -f "$css" ] || css="$here/assets/epub.css"

slug="$(grep -m1 -A2 'type: main' "$book/metadata.yaml" | sed -n 's/.*text: *"\(.*\)"/\1/p' | tr '[:upper:]' '[:lower:]' | tr -cs 'a-z0-9' '-' | sed 's/^-//;s/-$//')"
slug="${slug:-book}"
target="$out/$slug.epub"

echo "building $target from ${#chapters[@]} chapters"
pandoc "$book/metadata.yaml" "${chapters[@]}" \
  --from markdown+smart+footnotes+fenced_code_attributes+implicit_figures \
  --to epub3 --toc --toc-depth=2 --split-level=1 \
  --highlight-style=tango \
  --resource-path="$book:$book/images" \
  --css "$css" \
  -o "$target"

checker=""
if command -v epubcheck >/dev/null; then
  checker="epubcheck"
else
  jar="$(ls ~/.local/share/epubcheck/*/epubcheck.jar 2>/dev/null | sort -V | tail -1 || true)"
  [ -n "$jar" ] && checker="java -jar $jar"
fi

if [ -z "$checker" ]; then
  echo "epubcheck not found; install it and validate before distributing" >&2
  exit 2
fi

echo "validating with: $checker"
$checker "$target" --json "$out/epubcheck.json" >/dev/null 2>&1 || true
python3 - "$out/epubcheck.json" <<'PY'
import json, sys
rep = json.load(open(sys.argv[1]))
msgs = rep.get("messages", [])
by = {}
for m in msgs:
    by.setdefault(m["severity"], []).append(m)
for sev in ("FATAL", "ERROR", "WARNING"):
    for m in by.get(sev, [])[:30]:
        loc = (m.get("locations") or [{}])[0]
        print(f"{sev:7} {m['ID']}: {m['message']} ({loc.get('path', '')}:{loc.get('line', '')})")
errors = len(by.get("FATAL", [])) + len(by.get("ERROR", []))
print(f"{errors} errors, {len(by.get('WARNING', []))} warnings")
sys.exit(1 if errors else 0)
PY
echo "ok: $target"
