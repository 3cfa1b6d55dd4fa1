#!/usr/bin/env bash
# Static Office-document triage with oletools in a network-less container. Never opens the file in Office.
set -euo pipefail
sample="${1:?usage: triage.sh /path/to/sample}"
[[ -f "$sample" ]] || { echo "no such file: $sample" >&2; exit 1; }
dir="$(cd "$(dirname "$sample")" && pwd)"
name="$(basename "$sample")"
out="$PWD/triage-out"
mkdir -p "$out"

run() { docker run --rm --network none --read-only --tmpfs /tmp --cap-drop ALL \
          --security-opt no-new-privileges -v "$dir:/in:ro" oletriage "$@"; }

sha256sum "$sample" | tee "$out/sha256.txt"
run oleid "/in/$name"                                   > "$out/oleid.txt"      2>&1 || true
run olevba --decode --deobf --reveal "/in/$name"        > "$out/olevba.txt"     2>&1 || true
run mraptor "/in/$name"                                 > "$out/mraptor.txt"    2>&1 || true
run msodde "/in/$name"                                  > "$out/msodde.txt"     2>&1 || true
run oleobj "/in/$name"                                  > "$out/oleobj.txt"     2>&1 || true
case "$name" in
  *.xls|*.xlsm|*.xlsb|*.xlsx)
    run timeout 120 xlmdeobfuscator --file "/in/$name" --no-interactive --output-level 1 > "$out/xlm.txt" 2>&1 || true ;;
esac

echo
echo "== mraptor verdict"; tail -n 5 "$out/mraptor.txt"
echo "== olevba summary";  sed -n '/^+----------+/,$p' "$out/olevba.txt" | head -n 60
echo
echo "reports in $out (text only; URLs inside are IOCs - do not open them)"
