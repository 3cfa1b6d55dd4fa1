#!/usr/bin/env bash
# Build a LaTeX thesis with latexmk, keeping aux files out of the source tree.
set -euo pipefail

main="${1:-thesis.tex}"
engine="${ENGINE:-pdflatex}"
here="$(cd "$(dirname "$0")" && pwd)"

if [[ ! -f "$main" ]]; then
  echo "main file '$main' not found" >&2
  exit 2
fi

case "$engine" in
  pdflatex) flag=-pdf ;;
  lualatex) flag=-lualatex ;;
  xelatex)  flag=-xelatex ;;
  *) echo "unknown engine $engine" >&2; exit 2 ;;
esac

mkdir -p build/aux
latexmk "$flag" -r "$here/latexmkrc" \
  -interaction=nonstopmode -file-line-error -halt-on-error \
  -outdir=build -auxdir=build/aux "$main"

log="build/aux/${main%.tex}.log"
[[ -f "$log" ]] || log="build/${main%.tex}.log"
if grep -q "undefined" "$log"; then
  echo "--- undefined references/citations ---"
  grep -n "undefined" "$log" | head -20
fi
