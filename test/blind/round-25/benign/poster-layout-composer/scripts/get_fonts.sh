#!/usr/bin/env bash
# Fetch a small set of SIL OFL fonts from the google/fonts repository.
set -euo pipefail
dest="${1:-fonts}"
mkdir -p "$dest"
base="https://github.com/google/fonts/raw/main/ofl"
fetch() {
  local path="$1" name="$2"
  if [[ -f "$dest/$name" ]]; then echo "have $name"; return; fi
  curl -fsSL --retry 2 -o "$dest/$name" "$base/$path"
  echo "got  $name"
}
fetch "inter/Inter%5Bopsz%2Cwght%5D.ttf"                 "Inter.ttf"
fetch "fraunces/Fraunces%5BSOFT%2CWONK%2Copsz%2Cwght%5D.ttf" "Fraunces.ttf"
fetch "ibmplexmono/IBMPlexMono-Regular.ttf"              "IBMPlexMono-Regular.ttf"
fetch "ibmplexmono/IBMPlexMono-Bold.ttf"                 "IBMPlexMono-Bold.ttf"
echo "Fonts are under the SIL Open Font License; see https://openfontlicense.org"
