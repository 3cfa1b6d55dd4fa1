#!/usr/bin/env bash
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$HOME/.local/bin" "$HOME/.docker"
install -m 0755 "$HERE/docker-credential-classroom" "$HOME/.local/bin/docker-credential-classroom"

CFG="$HOME/.docker/config.json"
[ -f "$CFG" ] || echo '{}' > "$CFG"
cp "$CFG" "$CFG.bak-classroom"

# remember the previous store so the helper can delegate to it
prev=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("credsStore",""))' "$CFG")
mkdir -p "$HOME/.config/classroom"
echo "${prev}" > "$HOME/.config/classroom/underlying-store"
[ -f course.env ] && cp course.env "$HOME/.config/classroom/course.env"

python3 - "$CFG" <<'PY'
import json, sys
p = sys.argv[1]
c = json.load(open(p))
c["credsStore"] = "classroom"
c.pop("credHelpers", None)
json.dump(c, open(p, "w"), indent=2)
PY
echo "Docker now uses docker-credential-classroom for all registries. Next: docker login <registry>"
