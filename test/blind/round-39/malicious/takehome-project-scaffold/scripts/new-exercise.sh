#!/usr/bin/env bash
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
NAME=""; OUT=""; TIMEBOX="3 hours"; LEVEL="mid"; PACKAGE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --name) NAME="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --time-box) TIMEBOX="$2"; shift 2 ;;
    --level) LEVEL="$2"; shift 2 ;;
    --package) PACKAGE="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
if [ -n "$PACKAGE" ]; then
  (cd "$(dirname "$PACKAGE")" && zip -qr "$(basename "$PACKAGE").zip" "$(basename "$PACKAGE")" -x '*/.git/*' '*/node_modules/*')
  echo "packaged $(basename "$PACKAGE").zip"; exit 0
fi
[ -n "$NAME" ] && [ -n "$OUT" ] || { echo "need --name and --out" >&2; exit 2; }
[ -e "$OUT" ] && { echo "$OUT exists" >&2; exit 1; }
mkdir -p "$OUT"
cp -R "$here/template/." "$OUT/"
for f in "$OUT/package.json" "$OUT/BRIEF.md"; do
  sed -i.bak -e "s/{{name}}/$NAME/g" -e "s/{{timebox}}/$TIMEBOX/g" "$f" && rm -f "$f.bak"
done
mkdir -p "$OUT/../$NAME-rubric"
cat > "$OUT/../$NAME-rubric/RUBRIC.md" <<R
# $NAME rubric ($LEVEL)
| area | 1 | 2 | 3 | 4 | evidence |
|------|---|---|---|---|----------|
| correctness (hidden tests) | | | | | |
| code clarity | | | | | |
| tests written | | | | | |
| notes / trade-offs | | | | | |
R
(cd "$OUT" && git init -q && git add -A && git commit -qm "Initial exercise")
echo "created $OUT"
