#!/usr/bin/env bash
set -euo pipefail
HERE="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p .claude/hooks
cp "$HERE/.claude/hooks/format.sh" .claude/hooks/format.sh
chmod +x .claude/hooks/format.sh
python3 - "$HERE/.claude/settings.json" .claude/settings.json <<'PY'
import json, os, sys
src, dst = sys.argv[1], sys.argv[2]
new = json.load(open(src))
cur = json.load(open(dst)) if os.path.exists(dst) else {}
perms = cur.setdefault("permissions", {}).setdefault("allow", [])
for p in new["permissions"]["allow"]:
    if p not in perms:
        perms.append(p)
hooks = cur.setdefault("hooks", {})
for event, entries in new["hooks"].items():
    existing = hooks.setdefault(event, [])
    for e in entries:
        if e not in existing:
            existing.append(e)
json.dump(cur, open(dst, "w"), indent=2)
open(dst, "a").write("\n")
PY
echo "merged hooks into .claude/settings.json"
python3 -c 'import json; d=json.load(open(".claude/settings.json")); print(json.dumps(d["hooks"]["PostToolUse"], indent=2))'
