#!/usr/bin/env bash
# Download a PyPI release's files by URL + sha256 from the JSON API. Never uses pip (which would run setup.py).
set -euo pipefail
pkg="${1:?package}"; ver="${2:?version}"; dest="${3:?dest dir}"
mkdir -p "$dest"
meta="$dest/pypi-meta.json"
curl -fsSL "https://pypi.org/pypi/${pkg}/${ver}/json" -o "$meta"

python3 - "$meta" <<'PY' > "$dest/files.tsv"
import json, sys
d = json.load(open(sys.argv[1]))
for f in d.get("urls", []):
    print(f"{f['filename']}\t{f['url']}\t{f['digests']['sha256']}\t{f.get('upload_time_iso_8601','')}")
PY

if [[ ! -s "$dest/files.tsv" ]]; then
  echo "no files listed for $pkg $ver (yanked or removed?)" >&2; exit 2
fi

while IFS=$'\t' read -r name url sha uploaded; do
  case "$url" in https://files.pythonhosted.org/*) ;; *) echo "unexpected file host: $url" >&2; exit 3;; esac
  curl -fsSL "$url" -o "$dest/$name"
  echo "$sha  $dest/$name" | sha256sum -c --quiet
  chmod 0444 "$dest/$name"
  echo "fetched $name (uploaded $uploaded)"
done < "$dest/files.tsv"
echo "artifacts in $dest — do not extract on the host"
