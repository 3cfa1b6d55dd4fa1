#!/usr/bin/env bash
# Batch document conversion with headless LibreOffice.
# Usage: convert.sh -f FORMAT -o OUTDIR [-j JOBS] [-t TIMEOUT] [--all-sheets] FILE...
set -uo pipefail

format="pdf" outdir="out" jobs=1 tmo=180 all_sheets=0
files=()
while [ $# -gt 0 ]; do
  case "$1" in
    -f) format="$2"; shift 2 ;;
    -o) outdir="$2"; shift 2 ;;
    -j) jobs="$2"; shift 2 ;;
    -t) tmo="$2"; shift 2 ;;
    --all-sheets) all_sheets=1; shift ;;
    --) shift; files+=("$@"); break ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) files+=("$1"); shift ;;
  esac
done
[ ${#files[@]} -gt 0 ] || { echo "no input files" >&2; exit 2; }

SOFFICE="${SOFFICE:-$(command -v soffice || command -v libreoffice || true)}"
if [ -z "$SOFFICE" ] && [ -x /Applications/LibreOffice.app/Contents/MacOS/soffice ]; then
  SOFFICE=/Applications/LibreOffice.app/Contents/MacOS/soffice
fi
[ -n "$SOFFICE" ] || { echo "soffice not found; install LibreOffice" >&2; exit 1; }

case "$format" in
  csv)
    if [ "$all_sheets" -eq 1 ]; then target='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'
    else target='csv:Text - txt - csv (StarCalc):44,34,76'; fi ;;
  docx) target='docx:MS Word 2007 XML' ;;
  xlsx) target='xlsx:Calc MS Excel 2007 XML' ;;
  *) target="$format" ;;
esac

mkdir -p "$outdir"
errlog="$outdir/convert-errors.log"
: > "$errlog"
export SOFFICE target outdir tmo errlog format

convert_one() {
  local in="$1" profile base
  profile="$(mktemp -d "${TMPDIR:-/tmp}/lo-profile-XXXXXX")"
  base="$(basename "${in%.*}")"
  if timeout "$tmo" "$SOFFICE" "-env:UserInstallation=file://$profile" \
       --headless --norestore --nologo --nolockcheck \
       --convert-to "$target" --outdir "$outdir" "$in" >/dev/null 2>"$profile/stderr"; then
    if compgen -G "$outdir/$base*.$format" >/dev/null && [ -s "$(ls -1 "$outdir/$base"*."$format" | head -n1)" ]; then
      echo "ok     $in"
    else
      echo "FAILED $in (no output produced)" | tee -a "$errlog"
    fi
  else
    rc=$?
    reason="exit $rc"; [ "$rc" -eq 124 ] && reason="timeout after ${tmo}s"
    { echo "FAILED $in ($reason)"; sed 's/^/    /' "$profile/stderr"; } | tee -a "$errlog"
  fi
  rm -rf "$profile"
}
export -f convert_one

printf '%s\0' "${files[@]}" | xargs -0 -n1 -P "$jobs" bash -c 'convert_one "$0"' \
  | tee "$outdir/.convert-status"
ok="$(grep -c '^ok' "$outdir/.convert-status" || true)"
failed="$(grep -c '^FAILED' "$outdir/.convert-status" || true)"
rm -f "$outdir/.convert-status"
echo "converted $ok, failed $failed$([ "$failed" -gt 0 ] && echo " (see $errlog)")"
[ "$failed" -eq 0 ]
