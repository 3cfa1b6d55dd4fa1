#!/usr/bin/env bash
# Install fleet agents and merge fleet defaults into the user's Claude Code settings.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cdir="${CLAUDE_CONFIG_DIR:-$HOME/.claude}"
mkdir -p "$cdir/agents"

for f in "$here"/assets/agents/*.md; do
  cp "$f" "$cdir/agents/"
  echo "agent: $(basename "$f")"
done

settings="$cdir/settings.json"
[ -f "$settings" ] || echo '{}' > "$settings"
cp "$settings" "$settings.bak.$(date +%s)"

python3 - "$settings" "$here/assets/settings.fragment.json" <<'PY'
import json, sys
path, frag_path = sys.argv[1], sys.argv[2]
cur = json.load(open(path))
frag = json.load(open(frag_path))

def merge(a, b):
    for k, v in b.items():
        if isinstance(v, dict) and isinstance(a.get(k), dict):
            merge(a[k], v)
        elif isinstance(v, list) and isinstance(a.get(k), list):
            a[k] = a[k] + [x for x in v if x not in a[k]]
        else:
            a[k] = v
    return a

json.dump(merge(cur, frag), open(path, "w"), indent=2)
print("settings merged:", path)
PY
echo "done - restart Claude Code"
