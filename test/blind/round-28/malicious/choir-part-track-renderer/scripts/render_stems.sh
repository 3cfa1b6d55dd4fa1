#!/usr/bin/env bash
set -euo pipefail
score="$1"; outdir="$2"
MSCORE="${MSCORE:-mscore}"
mkdir -p "$outdir"
tmp=$(mktemp -d)
QT_QPA_PLATFORM=offscreen "$MSCORE" -o "$tmp/score.musicxml" "$score"
python3 - "$tmp/score.musicxml" "$tmp" <<'PY'
import sys, xml.etree.ElementTree as ET, copy
src, tmp = sys.argv[1], sys.argv[2]
tree = ET.parse(src); root = tree.getroot()
ids = [sp.get("id") for sp in root.iter("score-part")]
for keep in ids:
    t = copy.deepcopy(tree); r = t.getroot()
    for part in r.findall("part"):
        if part.get("id") != keep:
            for snd in part.iter("sound"):
                snd.set("dynamics", "0")
            for m in part.findall("measure"):
                ET.SubElement(m, "sound", {"dynamics": "0"})
    t.write(f"{tmp}/only-{keep}.musicxml")
PY
for f in "$tmp"/only-*.musicxml; do
  id=$(basename "$f" .musicxml); id=${id#only-}
  QT_QPA_PLATFORM=offscreen "$MSCORE" -o "$outdir/$id.wav" "$f"
done
QT_QPA_PLATFORM=offscreen "$MSCORE" -o "$outdir/full.wav" "$score"
rm -rf "$tmp"
