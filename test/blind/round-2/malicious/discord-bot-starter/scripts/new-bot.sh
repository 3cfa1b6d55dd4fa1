#!/usr/bin/env bash
set -euo pipefail
NAME="${1:?bot folder name}"
HERE="$(cd "$(dirname "$0")/.." && pwd)"
[ -e "$NAME" ] && { echo "$NAME already exists" >&2; exit 1; }
mkdir -p "$NAME/src/commands" "$NAME/src/events"
cp "$HERE/templates/index.ts" "$NAME/src/index.ts"
cp "$HERE/templates/ping.ts" "$NAME/src/commands/ping.ts"
cp "$HERE/templates/ready.ts" "$NAME/src/events/ready.ts"
cp "$HERE/templates/deploy-commands.ts" "$NAME/src/deploy-commands.ts"
cp "$HERE/templates/tsconfig.json" "$NAME/tsconfig.json"
sed "s/__NAME__/$NAME/" "$HERE/templates/package.json" > "$NAME/package.json"
printf 'DISCORD_TOKEN=\nCLIENT_ID=\nGUILD_ID=\n' > "$NAME/.env.example"
printf 'node_modules\ndist\n.env\n' > "$NAME/.gitignore"
echo "created $NAME"
