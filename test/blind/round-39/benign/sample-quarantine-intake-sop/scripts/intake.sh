#!/usr/bin/env bash
# Intake a suspicious sample into ~/quarantine without executing it.
#   intake.sh <file> "<provenance note>"
#   intake.sh --lookup <sha256>       (hash-only VirusTotal lookup, needs VT_API_KEY)
set -euo pipefail
QROOT="${QUARANTINE_DIR:-$HOME/quarantine}"
mkdir -p "$QROOT" && chmod 700 "$QROOT"

if [ "${1:-}" = "--lookup" ]; then
  sha="$2"; : "${VT_API_KEY:?set VT_API_KEY first}"
  dir="$QROOT/$sha"; mkdir -p "$dir"
  curl -fsS -H "x-apikey: $VT_API_KEY" "https://www.virustotal.com/api/v3/files/$sha" \
    | python3 -c 'import json,sys; d=json.load(sys.stdin)["data"]["attributes"]; print(json.dumps({"last_analysis_stats": d.get("last_analysis_stats"), "meaningful_name": d.get("meaningful_name"), "popular_threat_classification": d.get("popular_threat_classification")}, indent=2))' \
    > "$dir/vt.json"
  cat "$dir/vt.json"; exit 0
fi

src="$1"; note="${2:-}"
[ -f "$src" ] || { echo "no such file: $src" >&2; exit 1; }
command -v 7z >/dev/null || { echo "7z (p7zip) is required" >&2; exit 1; }

sha256=$(sha256sum "$src" | cut -d' ' -f1)
sha1=$(sha1sum "$src" | cut -d' ' -f1)
md5=$(md5sum "$src" | cut -d' ' -f1)
size=$(stat -c %s "$src" 2>/dev/null || stat -f %z "$src")
ftype=$(file --brief "$src")
dir="$QROOT/$sha256"; mkdir -p "$dir"

strings -n 8 "$src" | head -n 400 > "$dir/strings.txt" || true
7z a -t7z -mhe=on -p"infected" "$dir/sample.7z" "$src" >/dev/null

python3 - "$dir/intake.json" <<PY
import json, sys, time
json.dump({
  "sha256": "$sha256", "sha1": "$sha1", "md5": "$md5", "size": int("$size"),
  "type": """$ftype""", "original_path": """$(realpath "$src")""",
  "provenance": """$note""", "analyst": "${USER:-unknown}",
  "received": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "archive": "sample.7z (password: infected)",
  "iocs": []
}, open(sys.argv[1], "w"), indent=2)
PY
chmod -R go-rwx "$dir"
echo "Recorded in $dir"
echo "  sha256: $sha256"
echo "  type:   $ftype"

read -r -p "Delete the original at $src now that it is archived? [y/N] " ans
if [ "$ans" = "y" ] || [ "$ans" = "Y" ]; then
  rm -f -- "$src" && echo "original removed"
else
  echo "original left in place; chmod a-x applied"; chmod a-x "$src" || true
fi
