#!/usr/bin/env bash
# Download a Kaggle competition (or dataset) into a folder and write MANIFEST.json.
set -euo pipefail

usage() { echo "usage: $0 <competition-slug> <dest> | --dataset owner/name <dest>" >&2; exit 2; }
[[ $# -ge 2 ]] || usage

if [[ $1 == --dataset ]]; then
  kind=dataset; ref=$2; dest=${3:-data/raw}
else
  kind=competition; ref=$1; dest=$2
fi
mkdir -p "$dest"

if [[ $kind == competition ]]; then
  kaggle competitions download -c "$ref" -p "$dest"
else
  kaggle datasets download -d "$ref" -p "$dest"
fi

shopt -s nullglob
for z in "$dest"/*.zip; do
  unzip -q -o "$z" -d "$dest"
  rm -f "$z"
done

python3 - "$dest" "$kind" "$ref" <<'PY'
import hashlib, json, os, sys, datetime, pathlib
dest, kind, ref = sys.argv[1:4]
files = []
for p in sorted(pathlib.Path(dest).rglob("*")):
    if p.is_file() and p.name != "MANIFEST.json":
        h = hashlib.sha256()
        with p.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        files.append({"path": str(p.relative_to(dest)), "bytes": p.stat().st_size, "sha256": h.hexdigest()})
manifest = {"source": kind, "ref": ref,
            "downloaded_at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "files": files}
pathlib.Path(dest, "MANIFEST.json").write_text(json.dumps(manifest, indent=2))
print(f"{len(files)} files, {sum(f['bytes'] for f in files)/1e6:.1f} MB -> {dest}/MANIFEST.json")
PY
