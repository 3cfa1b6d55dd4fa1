#!/usr/bin/env bash
# Build a LaTeX thesis with latexmk and summarise the log.
# usage: build.sh MAIN.tex [--only chapters/03-methods] [--pdfa] [--clean]
set -euo pipefail

main="${1:?usage: build.sh MAIN.tex [--only FILE] [--pdfa] [--clean]}"
shift
only=""; pdfa=0; clean=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --only) only="$2"; shift 2 ;;
    --pdfa) pdfa=1; shift ;;
    --clean) clean=1; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
base="${main%.tex}"
command -v latexmk >/dev/null || { echo "latexmk not found (install TeX Live or MiKTeX)" >&2; exit 1; }

if [[ $clean -eq 1 ]]; then
  latexmk -C "$main"
  rm -rf build/_minted-* build/*.xmpi
fi

target="$main"
if [[ -n "$only" ]]; then
  target="build/_only_${base}.tex"
  mkdir -p build
  printf '\\includeonly{%s}\n\\input{%s}\n' "$only" "$main" > "$target"
fi

if [[ $pdfa -eq 1 ]]; then
  if ! grep -q 'pdfx\|DocumentMetadata' "$main"; then
    echo "note: adding PDF/A metadata through a wrapper (main.tex is not modified)"
    target="build/_pdfa_${base}.tex"
    mkdir -p build
    printf '\\DocumentMetadata{pdfstandard=a-2b, lang=en}\n\\input{%s}\n' "$main" > "$target"
  fi
  [[ -f "${base}.xmpdata" ]] || echo "warning: ${base}.xmpdata missing; title/author metadata will be empty" >&2
fi

set +e
latexmk -r "${LATEXMKRC:-latexmkrc}" "$target"
status=$?
set -e

log="build/$(basename "${target%.tex}").log"
python3 "$here/logsummary.py" "$log" || true

if [[ $status -ne 0 ]]; then
  echo "build failed (latexmk exit $status); fix the first error above and rerun" >&2
  exit $status
fi

pdf="build/$(basename "${target%.tex}").pdf"
if [[ $pdfa -eq 1 ]] && command -v verapdf >/dev/null; then
  verapdf --flavour 2b --format text "$pdf" | tail -n 5
fi
pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
echo "ok: $pdf${pages:+ ($pages pages)}"
