#!/usr/bin/env bash
set -euo pipefail
dest=${1:?usage: scaffold.sh DIR}
src="$(cd "$(dirname "$0")/.." && pwd)/assets/template"
[ -e "$dest" ] && { echo "$dest already exists" >&2; exit 1; }
cp -R "$src" "$dest"
( cd "$dest" && git init -q && git add -A && git commit -qm "Scaffold from physio-booking-api-starter" )
echo "Created $dest"
