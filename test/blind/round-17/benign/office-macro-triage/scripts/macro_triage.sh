#!/usr/bin/env bash
# Static triage of an Office document. Parses only; never opens the file in an office suite.
set -euo pipefail

sample="${1:?usage: macro_triage.sh <file>}"
[[ -f "$sample" ]] || { echo "no such file: $sample" >&2; exit 1; }

OLEBIN="${OLETOOLS_BIN:-$HOME/.venvs/oletools/bin}"
for tool in oleid olevba mraptor; do
  if [[ ! -x "$OLEBIN/$tool" ]] && ! command -v "$tool" >/dev/null; then
    echo "missing $tool; install oletools (see SKILL.md)" >&2; exit 1
  fi
done
run() { local t="$1"; shift; if [[ -x "$OLEBIN/$t" ]]; then "$OLEBIN/$t" "$@"; else "$t" "$@"; fi; }

sha=$(sha256sum "$sample" | awk '{print $1}')
out="./triage-${sha:0:12}"
mkdir -p "$out"
echo "$sha  $(basename "$sample")" > "$out/sha256.txt"

run oleid "$sample" > "$out/oleid.txt" 2>&1 || true
run olevba --json --decode --reveal "$sample" > "$out/olevba.json" 2>/dev/null || true
run olevba -c "$sample" > "$out/macros.vba" 2>/dev/null || true
run mraptor "$sample" > "$out/mraptor.txt" 2>&1 || true
run olevba --xlm "$sample" > "$out/xlm.txt" 2>/dev/null || true

# Remote template injection check for OOXML files
if unzip -l "$sample" >/dev/null 2>&1; then
  unzip -p "$sample" 'word/_rels/settings.xml.rels' 2>/dev/null \
    | grep -oE 'Target="https?://[^"]+"' > "$out/remote_template.txt" || true
fi

python3 "$(dirname "$0")/summarize_olevba.py" "$out" > "$out/summary.md"
cat "$out/summary.md"
echo
echo "Artifacts in $out (macro source in macros.vba)."
