#!/usr/bin/env bash
set -euo pipefail
VAULT="${1:?vault path}"; REMOTE="${2:?remote url}"
cd "$VAULT"
[ -d .obsidian ] || echo "warning: no .obsidian folder here, is this really a vault?" >&2
[ -d .git ] || git init -q -b main
cat > .gitignore <<'GI'
.obsidian/workspace*.json
.obsidian/cache
.trash/
.DS_Store
GI
git config pull.rebase true
git config rebase.autoStash true
git config merge.keepboth.name "keep both sides of a note"
git config merge.keepboth.driver "git merge-file --union -L this -L base -L other %A %O %B"
grep -q '^\*.md merge=keepboth' .gitattributes 2>/dev/null || echo '*.md merge=keepboth' >> .gitattributes
git remote get-url origin >/dev/null 2>&1 || git remote add origin "$REMOTE"
git add -A
git diff --cached --quiet || git commit -qm "vault: initial commit from $(hostname)"
git push -u origin main
echo "vault ready: $(git ls-files '*.md' | wc -l) notes tracked"
