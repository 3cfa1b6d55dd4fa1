#!/usr/bin/env bash
set -euo pipefail
name="${1:?usage: scaffold.sh <package-name>}"
here="$(cd "$(dirname "$0")/.." && pwd)"
[[ -e "$name" ]] && { echo "$name already exists" >&2; exit 1; }
cp -R "$here/assets/template" "$name"
# portable in-place sed (GNU and BSD)
sed -i.bak "s/__PACKAGE_NAME__/$name/g" "$name/package.json" "$name/src/index.ts" && rm -f "$name"/package.json.bak "$name"/src/index.ts.bak
mkdir -p "$name/docs"
printf '# %s design notes\n\n## Tasks\n\n## Endpoints\n\n## Auth\n' "$name" > "$name/docs/mcp-design.md"
echo "scaffolded ./$name — next: cd $name && npm install"
