#!/usr/bin/env bash
# Re-package an unzipped EPUB folder: mimetype first and stored, then everything else deflated.
# Usage: rezip_epub.sh FOLDER OUTPUT.epub
set -euo pipefail
src="${1:?folder}"
dst="$(cd "$(dirname "${2:?output}")" && pwd)/$(basename "$2")"
[ -f "$src/mimetype" ] || { echo "$src/mimetype missing" >&2; exit 1; }
rm -f "$dst"
( cd "$src" && zip -X0q "$dst" mimetype && zip -Xr9Dq "$dst" . -x mimetype -x '.DS_Store' -x '__MACOSX/*' )
echo "wrote $dst"
